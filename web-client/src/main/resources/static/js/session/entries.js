// Written words in a session: a partner's private drafts, which only they ever see, and the entries
// shared with the other partner, which are final. Drafts are never pushed: they are fetched when the
// screen opens, after every save or share, and when the page comes back into sight.
import { command, put, queryUntil } from '../api.js';
import { fill, h, namesJoined, renderList, when } from '../dom.js';
import { countedText, onPress, onSubmit, problemBox } from '../forms.js';
import { newEntryId } from '../ids.js';

const MAX_TEXT = 4000;

export function draftsCard({ sessionId, announce }) {
    const text = countedText({ id: 'draft-text', name: 'text', label: 'A new note', max: MAX_TEXT, rows: 4, required: true });
    const label = text.el.querySelector('label');
    const cancel = h('button', { class: 'button quiet', type: 'button', hidden: true }, 'Stop editing');
    const form = h('form', { class: 'stack', 'aria-label': 'Write a private note' },
        text.el, problemBox(),
        h('div', { class: 'row-actions' }, h('button', { class: 'button primary', type: 'submit' }, 'Save draft'), cancel));
    const list = h('ol', { class: 'drafts', 'aria-label': 'Your drafts' });
    const none = h('p', { class: 'muted', hidden: true }, 'No private notes yet.');
    const closed = h('p', { class: 'hint', hidden: true });
    const listProblem = problemBox();
    const otherName = h('span', {}, 'your partner');

    const el = h('section', { class: 'card stack private-card', 'aria-labelledby': 'drafts-title' },
        h('h2', { id: 'drafts-title' }, 'Your private notes for this session'),
        h('p', { class: 'privacy only-you' }, 'Only you can see these'),
        h('p', { class: 'hint', id: 'drafts-final' }, 'Write for yourself first. Nothing here reaches ', otherName,
            ' unless you share it, and a shared note is final: it can no longer be changed or taken back.'),
        form, closed, listProblem, none, list);

    let editing = null;         // the entryId being rewritten, or null for a new note
    let drafts = [];
    let canWrite = false;
    let partnerName = 'your partner';

    onSubmit(form, async () => {
        const entryId = editing ?? newEntryId();
        const written = text.textarea.value;
        await put(`sessions/${sessionId}/entries/${entryId}`, { text: written });
        announce(editing ? 'Your note is saved.' : 'Your note is saved. Only you can see it.');
        stopEditing();
        await load((found) => found.some((d) => d.entryId === entryId && d.text === written));
    });
    cancel.addEventListener('click', () => {
        stopEditing();
        text.textarea.focus();
    });

    function edit(draft) {
        editing = draft.entryId;
        text.editing(true);
        text.set(draft.text);
        label.textContent = 'Edit your note';
        cancel.hidden = false;
        text.textarea.focus();
    }

    function stopEditing() {
        editing = null;
        text.reset();
        text.editing(false);
        label.textContent = 'A new note';
        cancel.hidden = true;
    }

    async function share(draft) {
        if (!confirm(`Share this note with ${partnerName}?\n\nOnce shared it is final: it can no longer be changed or taken back.`)) {
            return;
        }
        await command(`sessions/${sessionId}/entries/${draft.entryId}/share`);
        if (editing === draft.entryId) {
            stopEditing();
        }
        announce(`Shared with ${partnerName}.`);
        await load((found) => !found.some((d) => d.entryId === draft.entryId));
        form.querySelector('textarea').focus();
    }

    /** seen: what the list must show after a save or a share, since drafts catch up a moment later. */
    async function load(seen = () => true) {
        try {
            // The exercise's own answers are shown at their steps; this card keeps the free notes.
            drafts = ((await queryUntil(`sessions/${sessionId}/my-drafts`, (found) => seen(found ?? []))) ?? [])
                .filter((d) => (d.step ?? 'notes') === 'notes');
            listProblem.hidden = true;
        } catch (problem) {
            listProblem.textContent = `Your drafts could not be loaded just now. ${problem.message}`;
            listProblem.hidden = false;
            return;
        }
        render();
    }

    function render() {
        const ordered = [...drafts].sort((a, b) => String(a.writtenAt).localeCompare(String(b.writtenAt)));
        none.hidden = ordered.length > 0;
        renderList(list, ordered, {
            key: (d) => d.entryId,
            signature: (d) => JSON.stringify([d, canWrite, partnerName]),
            render: (d) => draftItem(d, { canWrite, partnerName, edit, share }),
        });
        if (editing && !ordered.some((d) => d.entryId === editing)) {
            stopEditing();
        }
    }

    const whenSeen = () => document.visibilityState === 'visible' && load();
    document.addEventListener('visibilitychange', whenSeen);
    load();

    return {
        el,
        update({ running, present, other }) {
            partnerName = other ?? 'your partner';
            otherName.textContent = partnerName;
            const could = canWrite;
            canWrite = running && present;
            form.hidden = !canWrite;
            closed.hidden = canWrite;
            closed.textContent = running
                ? 'Join the session to write, change or share your notes.'
                : 'This session has ended. Your notes here stay private to you; they can no longer be changed or shared.';
            if (could !== canWrite) {
                render();
            }
        },
        stop() {
            document.removeEventListener('visibilitychange', whenSeen);
        },
    };
}

function draftItem(draft, { canWrite, partnerName, edit, share }) {
    const box = problemBox();
    const actions = canWrite && h('div', { class: 'row-actions' },
        h('button', { class: 'button', type: 'button', onclick: () => edit(draft) }, 'Edit'),
        pressed(h('button', { class: 'button', type: 'button', 'aria-describedby': 'drafts-final' }, 'Share with my partner'), box, () => share(draft)));
    return h('li', { class: 'draft', tabindex: -1 },
        h('p', { class: 'entry-text', dir: 'auto' }, draft.text),
        h('p', { class: 'muted small' }, 'Saved ', when(draft.writtenAt), ' · only you'),
        actions, box);
}

function pressed(button, box, action) {
    onPress(button, box, action);
    return button;
}

/** What both partners (and a therapist they both consented to) see: shared notes, newest last. */
export function sharedCard({ me, announce, therapists = () => [] }) {
    const list = h('ol', { class: 'entries', 'aria-labelledby': 'shared-title' });
    const none = h('p', { class: 'muted' }, 'Nothing shared yet.');
    const el = h('section', { class: 'card stack shared-card', 'aria-labelledby': 'shared-title' },
        h('h2', { id: 'shared-title' }, 'Notes shared between you'),
        h('p', { class: 'privacy shared' }, 'You both see these'),
        h('p', { class: 'hint', hidden: true }),
        none, list);
    let shown = null;
    return {
        el,
        update(view) {
            const watching = therapists();
            const hint = el.querySelector('.hint');
            hint.hidden = watching.length === 0;
            fill(hint, namesJoined(watching, ' and '), `, whom you both consented to, ${watching.length === 1 ? 'sees' : 'see'} them too.`);
            const nameOf = (id) => (id === me ? 'You' : view.partners.find((p) => p.partnerId === id)?.displayName ?? 'Your partner');
            const entries = [...(view.entries ?? [])].filter((e) => (e.step ?? 'notes') === 'notes')
                .sort((a, b) => String(a.sharedAt).localeCompare(String(b.sharedAt)));
            none.hidden = entries.length > 0;
            renderList(list, entries, {
                key: (e) => `${e.authorId}/${e.entryId}`,
                signature: (e) => JSON.stringify([e, nameOf(e.authorId)]),
                render: (e) => h('li', { class: `entry ${e.authorId === me ? 'from-me' : ''}`, tabindex: -1 },
                    h('p', { class: 'bid-head' }, h('strong', { dir: 'auto' }, nameOf(e.authorId)), ' · ', when(e.sharedAt)),
                    h('p', { class: 'entry-text', dir: 'auto' }, e.text)),
            });
            if (shown) {
                const known = new Set((shown.entries ?? []).map((e) => `${e.authorId}/${e.entryId}`));
                entries.filter((e) => !known.has(`${e.authorId}/${e.entryId}`) && e.authorId !== me)
                    .forEach((e) => announce(`${nameOf(e.authorId)} shared a note: ${e.text}`));
            }
            shown = view;
        },
    };
}
