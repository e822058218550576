// A therapist's private notes on a couple: written on the couple's page or while observing one of their
// sessions, read only by the therapist who wrote them. Partners never see them.
import { command, queryUntil } from '../api.js';
import { h, renderList, when } from '../dom.js';
import { countedText, onSubmit, problemBox } from '../forms.js';

const MAX_NOTE = 4000;

/** onRefused(problem): the couple no longer shares with this therapist (403), or another problem to show. */
export function notesCard({ coupleId, announce, onRefused }) {
    const notes = h('ol', { class: 'notes', 'aria-labelledby': 'notes-title' });
    const noNotes = h('p', { class: 'muted' }, 'No notes yet.');
    const text = countedText({ id: 'note-text', name: 'text', label: 'A new note', max: MAX_NOTE, rows: 5, required: true,
        keep: `notes|${coupleId}` });
    const noteForm = h('form', { class: 'stack', 'aria-label': 'Write a private note' },
        text.el, problemBox(), h('button', { class: 'button primary', type: 'submit' }, 'Save note'));
    onSubmit(noteForm, async () => {
        const { noteId } = await command(`couples/${coupleId}/notes`, { text: text.textarea.value.trim() });
        text.reset();
        announce('Your note is saved.');
        await load((found) => found.some((n) => n.noteId === noteId));
    });

    async function load(seen = () => true) {
        try {
            const found = (await queryUntil(`couples/${coupleId}/notes`, (list) => seen(list ?? []))) ?? [];
            noNotes.hidden = found.length > 0;
            renderList(notes, [...found].sort((a, b) => String(b.writtenAt).localeCompare(String(a.writtenAt))), {
                key: (n) => n.noteId,
                render: (n) => h('li', { class: 'note', tabindex: -1 },
                    h('p', { class: 'muted small' }, when(n.writtenAt)),
                    h('p', { class: 'entry-text', dir: 'auto' }, n.text)),
            });
        } catch (problem) {
            onRefused(problem);
        }
    }

    const el = h('section', { class: 'card stack private-card notes-card', 'aria-labelledby': 'notes-title' },
        h('h2', { id: 'notes-title' }, 'Your private notes'),
        h('p', { class: 'privacy only-you' }, 'Partners never see these'),
        noteForm, noNotes, notes);
    return { el, load };
}
