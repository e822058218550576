// A partner's own lists between sessions: relationship needs, boundaries and deal-breakers. Kept items
// are nobody else's until shared, so they are fetched (not pushed): when the card opens, after every
// change until the change shows, and when the page comes back into sight.
import { command, queryUntil } from '../api.js';
import { h, renderList, when } from '../dom.js';
import { countedText, field, onSubmit, pressed, problemBox } from '../forms.js';

const MAX_ITEM_WORDS = 1000;

export const LISTS = {
    RELATIONSHIP_NEED: { label: 'Relationship need', hint: 'Something you need from your relationship to feel safe and close.' },
    BOUNDARY: { label: 'Boundary', hint: 'A limit that keeps you well: what is fine with you, and what is not.' },
    DEAL_BREAKER: { label: 'Deal-breaker', hint: 'Something you could not live with in your relationship.' },
};

// --- my lists ------------------------------------------------------------------------------------

export function listsPart(ctx) {
    const kinds = Object.entries(LISTS);
    const kindField = field({ id: 'ed-list-kind', name: 'list', label: 'Which list', control: 'select', hint: kinds[0][1].hint,
        options: kinds.map(([value, { label }]) => h('option', { value }, label)) });
    const select = kindField.querySelector('select');
    select.addEventListener('change', () => {
        kindField.querySelector('.hint').textContent = LISTS[select.value].hint;
    });
    const words = countedText({ id: 'ed-list-words', name: 'words', label: 'In your words', max: MAX_ITEM_WORDS, rows: 3, required: true });
    const form = h('form', { class: 'stack', 'aria-label': 'Add to my lists' },
        kindField, words.el, problemBox(), h('button', { class: 'button primary', type: 'submit' }, 'Add to my list'));
    onSubmit(form, async (data) => {
        const { itemId } = await command(`couples/${ctx.coupleId}/lists`, { list: data.get('list'), words: words.textarea.value.trim() });
        words.reset();
        ctx.announce('Added to your list. Only you can see it.');
        await load((found) => found.some((item) => item.itemId === itemId));
    });

    const heading = h('h3', { id: 'ed-lists-title', tabindex: -1 }, 'My lists');
    const mine = h('ul', { class: 'drafts', 'aria-label': 'Only on my lists' });
    const noneMine = h('p', { class: 'muted' }, 'Nothing kept privately.');
    const listProblem = problemBox();
    const shared = h('ul', { class: 'entries', 'aria-labelledby': 'ed-shared-lists-title' });
    const noneShared = h('p', { class: 'muted' }, 'Nothing shared yet.');
    const el = h('section', { class: 'card stack private-card', 'aria-labelledby': 'ed-lists-title' },
        heading,
        h('p', { class: 'privacy only-you' }, 'Only you can see these'),
        h('p', { class: 'hint', id: 'ed-lists-final' }, 'Needs, boundaries and deal-breakers, for yourself first. ', ctx.partnerName(),
            ' sees one only if you share it, and sharing is final: it cannot be made private again.'),
        form, listProblem, noneMine, mine,
        h('h4', { id: 'ed-shared-lists-title' }, 'Shared between you'),
        h('p', { class: 'privacy shared' }, 'You both see these, as does any therapist you both consented to'),
        noneShared, shared);

    let items = [];
    let view = null;

    async function share(item) {
        if (!confirm(`Share this with ${ctx.otherName()}?\n\n“${item.words}”\n\nSharing is final: it cannot be made private again. `
            + 'You can still take it off your list later.')) {
            return;
        }
        await command(`couples/${ctx.coupleId}/lists/${encodeURIComponent(item.itemId)}/share`);
        ctx.announce(`Shared with ${ctx.otherName()}.`);
        await load((found) => !found.some((i) => i.itemId === item.itemId));
        heading.focus();
    }

    async function drop(item, wasShared) {
        const also = wasShared ? `It leaves ${ctx.otherName()}’s view too.` : '';
        if (!confirm(`Take this off your list?\n\n“${item.words}”\n\n${also}`.trim())) {
            return;
        }
        await command(`couples/${ctx.coupleId}/lists/${encodeURIComponent(item.itemId)}/drop`);
        ctx.announce('Taken off your list.');
        await load((found) => !found.some((i) => i.itemId === item.itemId));
        heading.focus();
    }

    let loaded = false;

    /** seen: what the list must show after a change, since it catches up a moment later. */
    async function load(seen = () => true) {
        try {
            items = (await queryUntil(`couples/${ctx.coupleId}/my-list`, (found) => seen(found ?? []))) ?? [];
            listProblem.hidden = true;
            loaded = true;
        } catch (problem) {
            // A couple only just made may not be projected yet: the next view of it brings the lists.
            if (!loaded && (problem.status === 404 || problem.status === 403)) {
                return;
            }
            listProblem.textContent = `Your lists could not be loaded just now. ${problem.message}`;
            listProblem.hidden = false;
            return;
        }
        renderMine();
    }

    function renderMine() {
        const ordered = [...items].sort((a, b) => String(a.keptAt).localeCompare(String(b.keptAt)));
        noneMine.hidden = ordered.length > 0;
        renderList(mine, ordered, {
            key: (i) => i.itemId,
            render: (i) => listItem(i, { kept: true, share, drop }),
        });
    }

    function renderShared() {
        const ordered = [...(view?.sharedLists ?? [])].sort((a, b) => String(b.sharedAt).localeCompare(String(a.sharedAt)));
        noneShared.hidden = ordered.length > 0;
        renderList(shared, ordered, {
            key: (i) => `${i.authorId}/${i.itemId}`,
            signature: (i) => JSON.stringify([i, ctx.nameOf(i.authorId)]),
            render: (i) => listItem(i, { by: ctx.nameOf(i.authorId), mine: i.authorId === ctx.me, drop }),
        });
    }

    const whenSeen = () => document.visibilityState === 'visible' && load();
    document.addEventListener('visibilitychange', whenSeen);
    load();

    return {
        el,
        update(next, before) {
            view = next;
            if (!loaded) {
                load();
            }
            renderShared();
            const known = new Set((before?.sharedLists ?? []).map((i) => `${i.authorId}/${i.itemId}`));
            (before ? next.sharedLists ?? [] : []).filter((i) => !known.has(`${i.authorId}/${i.itemId}`) && i.authorId !== ctx.me)
                .forEach((i) => ctx.announce(`${ctx.nameOf(i.authorId)} shared a ${LISTS[i.list]?.label.toLowerCase() ?? 'list item'}: ${i.words}`));
        },
        stop() {
            document.removeEventListener('visibilitychange', whenSeen);
        },
    };
}

/** An item of a list: kept privately (share or remove it), or shared (its author can remove it). */
function listItem(item, { kept = false, by, mine = false, share, drop }) {
    const box = problemBox();
    const kind = LISTS[item.list]?.label ?? item.list;
    const actions = h('div', { class: 'row-actions' });
    if (kept) {
        actions.append(pressed(h('button', { class: 'button', type: 'button', 'aria-describedby': 'ed-lists-final' },
            'Share', h('span', { class: 'visually-hidden' }, ` this ${kind.toLowerCase()}`)), box, () => share(item)));
    }
    if (kept || mine) {
        actions.append(pressed(h('button', { class: 'button quiet danger', type: 'button' },
            'Remove', h('span', { class: 'visually-hidden' }, ` this ${kind.toLowerCase()}`)), box, () => drop(item, !kept)));
    }
    return h('li', { class: kept ? 'draft' : `entry ${mine ? 'from-me' : ''}`, tabindex: -1 },
        h('p', { class: 'bid-head' }, h('strong', {}, kept ? kind : `${by} · ${kind}`), ' · ',
            kept ? ['kept ', when(item.keptAt), ' · only you'] : ['shared ', when(item.sharedAt)]),
        h('p', { class: 'entry-text', dir: 'auto' }, item.words),
        actions.children.length > 0 && actions, box);
}
