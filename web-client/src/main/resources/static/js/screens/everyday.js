// Life between sessions, for one partner: bids for connection and their answers, a lean check-in,
// appreciations, their own lists (needs, boundaries, deal-breakers), the homework their therapist
// set, and the time-bound commitments they make together. Everything but the private lists comes
// with the pushed CoupleView; the lists are nobody else's, so they are fetched: when the card opens,
// after every change (until the change shows) and when the page comes back into sight.
import { command, queryUntil } from '../api.js';
import { fill, h, renderList, when } from '../dom.js';
import { countedText, field, onPress, onSubmit, problemBox } from '../forms.js';
import { RESPONSES } from '../words.js';
import { bidItem } from './bid.js';

const MAX_WORDS = 1000;
const FIRST_SHOWN = 6;      // bids and appreciations shown before "Show all"

export const LEANS = {
    IN: { label: 'Leaning in', hint: 'Looking for closeness and time together.' },
    BACK: { label: 'Leaning back', hint: 'Here, and wanting a little room for now.' },
    OUT: { label: 'Leaning out', hint: 'Needing space right now.' },
};

export const LISTS = {
    RELATIONSHIP_NEED: { label: 'Relationship need', hint: 'Something you need from your relationship to feel safe and close.' },
    BOUNDARY: { label: 'Boundary', hint: 'A limit that keeps you well: what is fine with you, and what is not.' },
    DEAL_BREAKER: { label: 'Deal-breaker', hint: 'Something you could not live with in your relationship.' },
};

export const CHECKPOINT_OUTCOMES = { KEPT: 'Kept', PARTLY_KEPT: 'Partly kept', MISSED: 'Missed' };

export const COMMITMENT_OUTCOMES = {
    IMPROVED: { label: 'Improved', about: 'Things got markedly better.' },
    CONTINUING: { label: 'Continuing', about: 'The work goes on.' },
    PARTING: { label: 'A respectful parting', about: 'Parting with care is an honest outcome too.' },
};

export function everydayCard({ me, coupleId, announce }) {
    let view = null;
    const ctx = {
        me, coupleId, announce, ...focusFollower(),
        /** A partner's name as a sentence starts with it: "You" for this partner. */
        nameOf: (id) => (id === me ? 'You' : view?.partners.find((p) => p.partnerId === id)?.displayName ?? 'Your partner'),
        otherName: () => view?.partners.find((p) => p.partnerId !== me)?.displayName ?? 'your partner',
    };

    const parts = [bidsPart(ctx), checkInPart(ctx), appreciationsPart(ctx), listsPart(ctx), homeworkPart(ctx), commitmentsPart(ctx)];
    const el = h('section', { class: 'everyday stack gap', 'aria-labelledby': 'ed-title' },
        h('div', { class: 'stack' },
            h('h2', { id: 'ed-title' }, 'Between sessions'),
            h('p', { class: 'muted' }, 'Small moments count: a bid, a check-in, a word of thanks. ', partnerName(),
                ' sees them as they happen; your own lists stay private until you share an item.')),
        h('div', { class: 'grid two' }, parts.map((part) => part.el)));

    return {
        el,
        update(next) {
            const before = view;
            view = next;
            el.querySelectorAll('.partner-name').forEach((span) => {
                span.textContent = ctx.otherName();
            });
            parts.forEach((part) => part.update(next, before));
        },
        stop() {
            parts.forEach((part) => part.stop?.());
        },
    };
}

/** The other partner's name inside a sentence; every update writes the current one in. */
function partnerName() {
    return h('span', { class: 'partner-name' }, 'your partner');
}

// --- bids ----------------------------------------------------------------------------------------

function bidsPart(ctx) {
    const words = countedText({ id: 'ed-bid-words', name: 'words', label: 'Make a bid', max: MAX_WORDS, rows: 3, required: true,
        hint: ['A small reach toward ', partnerName(), ': a question, a warm word, a wish to share a moment.'] });
    const form = h('form', { class: 'stack', 'aria-label': 'Make a bid' },
        words.el, problemBox(), h('button', { class: 'button primary', type: 'submit' }, 'Make a bid'));
    onSubmit(form, async () => {
        await command(`couples/${ctx.coupleId}/bids`, { words: words.textarea.value.trim() });
        words.reset();
        ctx.announce(`Your bid is sent. ${ctx.otherName()} sees it now.`);
    });
    const list = h('ol', { class: 'bids', 'aria-labelledby': 'ed-bids-title' });
    const none = h('p', { class: 'muted' }, 'No bids yet.');
    const more = moreButton(list, () => render());
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'ed-bids-title' },
        h('h3', { id: 'ed-bids-title' }, 'Bids for connection'),
        h('ul', { class: 'explained' }, Object.values(RESPONSES).map((r) => h('li', {}, h('strong', {}, r.action), `: ${r.hint}.`))),
        form, none, list, more.button);

    let view = null;
    const nameOf = (id) => ctx.nameOf(id);
    const answer = (bid, response) => ctx.acting(bid.bidId,
        () => command(`couples/${ctx.coupleId}/bids/${encodeURIComponent(bid.bidId)}/answer`, { response }));

    function render() {
        const ordered = [...(view?.everydayBids ?? [])].sort((a, b) => String(b.madeAt).localeCompare(String(a.madeAt)));
        none.hidden = ordered.length > 0;
        ctx.built(renderList(list, more.take(ordered, 'bids'), {
            key: (bid) => bid.bidId,
            signature: (bid) => JSON.stringify([bid, nameOf(bid.fromPartnerId), nameOf(bid.toPartnerId)]),
            render: (bid) => bidItem(bid, { me: ctx.me, present: true, nameOf, answer }),
        }));
    }

    return {
        el,
        update(next, before) {
            view = next;
            render();
            const old = new Map((before?.everydayBids ?? []).map((b) => [b.bidId, b]));
            for (const bid of before ? next.everydayBids ?? [] : []) {
                if (!old.has(bid.bidId) && bid.toPartnerId === ctx.me) {
                    ctx.announce(`${nameOf(bid.fromPartnerId)} made a bid: ${bid.words}`);
                } else if (bid.response && !old.get(bid.bidId)?.response && bid.fromPartnerId === ctx.me) {
                    ctx.announce(`${nameOf(bid.toPartnerId)} ${RESPONSES[bid.response]?.done ?? 'answered'} your bid.`);
                }
            }
        },
    };
}

// --- check-in ------------------------------------------------------------------------------------

function checkInPart(ctx) {
    const energy = h('input', { id: 'ed-energy', name: 'energy', type: 'range', min: 0, max: 10, step: 1, value: 5 });
    const shown = h('output', { for: 'ed-energy', class: 'level-value' });
    const describe = () => {
        const n = Number(energy.value);
        const text = `${n} of 10${n === 0 ? ', none left' : n === 10 ? ', plenty' : ''}`;
        shown.textContent = text;
        energy.setAttribute('aria-valuetext', text);
    };
    energy.addEventListener('input', describe);
    describe();
    const form = h('form', { class: 'stack', 'aria-labelledby': 'ed-check-in-title' },
        h('fieldset', { class: 'choices stacked' },
            h('legend', {}, 'Where you stand right now'),
            Object.entries(LEANS).map(([value, words]) => radio({ name: 'lean', id: `ed-lean-${value.toLowerCase()}`, value, ...words }))),
        h('div', { class: 'field' },
            h('label', { for: 'ed-energy' }, 'How much energy you have left'),
            h('p', { class: 'hint', id: 'ed-energy-hint' }, 'From 0, none left, to 10, plenty.'),
            h('div', { class: 'level-row' }, energy, shown)),
        h('p', { class: 'hint' }, 'There is no right answer. ', partnerName(), ' sees your check-in.'),
        problemBox(),
        h('button', { class: 'button primary', type: 'submit' }, 'Check in'));
    energy.setAttribute('aria-describedby', 'ed-energy-hint');
    onSubmit(form, async (data) => {
        const lean = data.get('lean');
        await command(`couples/${ctx.coupleId}/check-ins`, { lean, energy: Number(data.get('energy')) });
        ctx.announce(`Checked in: ${LEANS[lean].label.toLowerCase()}, energy ${data.get('energy')} of 10. ${ctx.otherName()} can see it.`);
    });
    const latest = h('ul', { class: 'check-ins', 'aria-label': 'Latest check-ins' });
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'ed-check-in-title' },
        h('h3', { id: 'ed-check-in-title' }, 'Check in'), latest, form);

    return {
        el,
        update(next, before) {
            const lastOf = (view, id) => (view?.checkIns ?? []).filter((c) => c.partnerId === id).at(-1);
            // Yours first, so the two read the same way every time.
            const partners = [...next.partners].sort((a, b) => (a.partnerId === ctx.me ? -1 : b.partnerId === ctx.me ? 1 : 0));
            fill(latest, partners.map((p) => checkInItem(ctx.nameOf(p.partnerId), lastOf(next, p.partnerId))));
            for (const p of before ? partners : []) {
                const now = lastOf(next, p.partnerId);
                if (p.partnerId !== ctx.me && now && now.checkInId !== lastOf(before, p.partnerId)?.checkInId) {
                    ctx.announce(`${p.displayName} checked in: ${LEANS[now.lean]?.label.toLowerCase()}, energy ${now.energy} of 10.`);
                }
            }
        },
    };
}

function checkInItem(name, checkIn) {
    return h('li', { class: `check-in ${checkIn ? checkIn.lean.toLowerCase() : 'none'}` },
        h('strong', {}, name),
        checkIn
            ? h('span', {}, `${LEANS[checkIn.lean]?.label ?? checkIn.lean} · energy ${checkIn.energy} of 10 · `, when(checkIn.at))
            : h('span', { class: 'muted' }, 'No check-in yet'));
}

/** One radio of a stacked group, its short description read with it. */
function radio({ name, id, value, label, hint, checked = false }) {
    return h('div', { class: 'choice-option' },
        h('input', { type: 'radio', name, id, value, checked, required: true, 'aria-describedby': `${id}-hint` }),
        h('label', { for: id }, label, h('span', { class: 'hint', id: `${id}-hint` }, hint)));
}

// --- appreciations -------------------------------------------------------------------------------

function appreciationsPart(ctx) {
    const words = countedText({ id: 'ed-appreciation-words', name: 'words', label: 'Something you appreciate', max: MAX_WORDS, rows: 3,
        required: true, hint: 'Small and specific is best.' });
    const form = h('form', { class: 'stack', 'aria-label': 'Send an appreciation' },
        words.el, problemBox(), h('button', { class: 'button primary', type: 'submit' }, 'Send'));
    onSubmit(form, async () => {
        await command(`couples/${ctx.coupleId}/appreciations`, { words: words.textarea.value.trim() });
        words.reset();
        ctx.announce(`Sent to ${ctx.otherName()}.`);
    });
    const received = h('ol', { class: 'entries', 'aria-labelledby': 'ed-received-title' });
    const sent = h('ol', { class: 'entries', 'aria-labelledby': 'ed-sent-title' });
    const noneReceived = h('p', { class: 'muted' }, 'Nothing yet.');
    const noneSent = h('p', { class: 'muted' }, 'Nothing yet.');
    const moreReceived = moreButton(received, () => render());
    const moreSent = moreButton(sent, () => render());
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'ed-appreciations-title' },
        h('h3', { id: 'ed-appreciations-title' }, 'Appreciations'),
        form,
        h('h4', { id: 'ed-received-title' }, 'To you'), noneReceived, received, moreReceived.button,
        h('h4', { id: 'ed-sent-title' }, 'From you'), noneSent, sent, moreSent.button);

    let view = null;
    function render() {
        const all = [...(view?.appreciations ?? [])].sort((a, b) => String(b.at).localeCompare(String(a.at)));
        const toMe = all.filter((a) => a.toPartnerId === ctx.me);
        const fromMe = all.filter((a) => a.fromPartnerId === ctx.me);
        noneReceived.hidden = toMe.length > 0;
        noneSent.hidden = fromMe.length > 0;
        const item = (a) => h('li', { class: `entry ${a.fromPartnerId === ctx.me ? 'from-me' : ''}`, tabindex: -1 },
            h('p', { class: 'bid-head' }, h('strong', {}, a.fromPartnerId === ctx.me ? `To ${ctx.nameOf(a.toPartnerId)}` : `From ${ctx.nameOf(a.fromPartnerId)}`),
                ' · ', when(a.at)),
            h('p', { class: 'entry-text' }, a.words));
        const options = { key: (a) => a.appreciationId, signature: (a) => JSON.stringify([a, ctx.otherName()]), render: item };
        renderList(received, moreReceived.take(toMe, 'appreciations'), options);
        renderList(sent, moreSent.take(fromMe, 'appreciations'), options);
    }

    return {
        el,
        update(next, before) {
            view = next;
            render();
            const known = new Set((before?.appreciations ?? []).map((a) => a.appreciationId));
            (before ? next.appreciations ?? [] : []).filter((a) => !known.has(a.appreciationId) && a.toPartnerId === ctx.me)
                .forEach((a) => ctx.announce(`${ctx.nameOf(a.fromPartnerId)} appreciates: ${a.words}`));
        },
    };
}

// --- my lists ------------------------------------------------------------------------------------

function listsPart(ctx) {
    const kinds = Object.entries(LISTS);
    const kindField = field({ id: 'ed-list-kind', name: 'list', label: 'Which list', control: 'select', hint: kinds[0][1].hint,
        options: kinds.map(([value, { label }]) => h('option', { value }, label)) });
    const select = kindField.querySelector('select');
    select.addEventListener('change', () => {
        kindField.querySelector('.hint').textContent = LISTS[select.value].hint;
    });
    const words = countedText({ id: 'ed-list-words', name: 'words', label: 'In your words', max: MAX_WORDS, rows: 3, required: true });
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
        h('p', { class: 'hint', id: 'ed-lists-final' }, 'Needs, boundaries and deal-breakers, for yourself first. ', partnerName(),
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
        h('p', { class: 'entry-text' }, item.words),
        actions.children.length > 0 && actions, box);
}

// --- homework ------------------------------------------------------------------------------------

function homeworkPart(ctx) {
    const list = h('ul', { class: 'homework', 'aria-labelledby': 'ed-homework-title' });
    const none = h('p', { class: 'muted' }, 'No homework yet. When your therapist sets some, it appears here for both of you.');
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'ed-homework-title', hidden: true },
        h('h3', { id: 'ed-homework-title' }, 'Homework from your therapist'), none, list);

    const done = (hw) => ctx.acting(hw.homeworkId, async () => {
        await command(`couples/${ctx.coupleId}/homework/${encodeURIComponent(hw.homeworkId)}/done`);
        ctx.announce(`Marked done. ${ctx.otherName()} sees it too.`);
    });

    return {
        el,
        update(next, before) {
            const homework = next.homework ?? [];
            el.hidden = homework.length === 0 && !hasTherapist(next);
            none.hidden = homework.length > 0;
            // What is still yours to do comes first, soonest due first.
            const mine = (hw) => Number((hw.doneBy ?? []).includes(ctx.me));
            const ordered = [...homework].sort((a, b) => mine(a) - mine(b)
                || String(a.dueOn ?? '9999').localeCompare(String(b.dueOn ?? '9999')));
            ctx.built(renderList(list, ordered, {
                key: (hw) => hw.homeworkId,
                signature: (hw) => JSON.stringify([hw, next.partners]),
                render: (hw) => homeworkItem(hw, { partners: next.partners, nameOf: ctx.nameOf, me: ctx.me, done }),
            }));
            const old = new Map((before?.homework ?? []).map((hw) => [hw.homeworkId, hw]));
            for (const hw of before ? homework : []) {
                if (!old.has(hw.homeworkId)) {
                    ctx.announce(`Your therapist set homework: ${hw.words}`);
                }
                const doneBefore = old.get(hw.homeworkId)?.doneBy ?? [];
                (hw.doneBy ?? []).filter((id) => id !== ctx.me && old.has(hw.homeworkId) && !doneBefore.includes(id))
                    .forEach((id) => ctx.announce(`${ctx.nameOf(id)} did their part of the homework.`));
            }
        },
    };
}

function homeworkItem(hw, { partners, nameOf, me, done }) {
    const box = problemBox();
    return h('li', { class: 'homework-item', tabindex: -1 },
        homeworkFacts(hw, { partners, nameOf }),
        !(hw.doneBy ?? []).includes(me) && pressed(h('button', { class: 'button primary', type: 'button' }, 'I did my part'), box, () => done(hw)),
        box);
}

/** What both the partners and their therapist see of one homework: the task, when it is due, who did it. */
export function homeworkFacts(hw, { partners, nameOf }) {
    return [
        h('p', { class: 'entry-text' }, hw.words),
        h('p', { class: 'muted small' }, hw.dueOn ? ['Due ', onDay(hw.dueOn)] : 'No due date', ' · set ', when(hw.setAt)),
        whoDid(partners, hw.doneBy, { nameOf, done: 'done', open: 'not yet', label: 'Who has done their part' }),
    ];
}

// --- commitments ---------------------------------------------------------------------------------

function commitmentsPart(ctx) {
    const list = h('ul', { class: 'commitments', 'aria-labelledby': 'ed-commitments-title' });
    const none = h('p', { class: 'muted' }, 'No commitment yet. Your therapist can propose a stretch of time to work on your relationship, and both of you decide whether to take it on.');
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'ed-commitments-title', hidden: true },
        h('h3', { id: 'ed-commitments-title' }, 'Our commitments'),
        h('p', { class: 'hint' }, 'A commitment holds once both of you accept it as it stands. Changing a date asks both of you again.'),
        none, list);

    const accept = (c) => ctx.acting(c.commitmentId, async () => {
        await command(`couples/${ctx.coupleId}/commitments/${encodeURIComponent(c.commitmentId)}/accept`);
        ctx.announce('You accepted the commitment.');
    });
    const suggested = new Set();     // commitments this partner just gave other dates: no need to tell them so again
    const adjust = (c, dates) => ctx.acting(c.commitmentId, async () => {
        suggested.add(c.commitmentId);  // before sending: the push may come before the answer
        try {
            await markingFields(() => command(`couples/${ctx.coupleId}/commitments/${encodeURIComponent(c.commitmentId)}/adjust`, dates),
                { 'ends-before-start': 'endsOn', 'checkpoint-outside-span': 'endsOn', 'improvement-outside-span': 'improvementBy' });
        } catch (problem) {
            suggested.delete(c.commitmentId);
            throw problem;
        }
        ctx.announce('Other dates suggested. Both of you accept them again.');
    });

    return {
        el,
        update(next, before) {
            const commitments = next.commitments ?? [];
            el.hidden = commitments.length === 0 && !hasTherapist(next);
            none.hidden = commitments.length > 0;
            // Open ones first, the latest first.
            const ordered = [...commitments].sort((a, b) => Number(a.status === 'CONCLUDED') - Number(b.status === 'CONCLUDED')
                || String(b.startsOn).localeCompare(String(a.startsOn)));
            ctx.built(renderList(list, ordered, {
                key: (c) => c.commitmentId,
                signature: (c) => JSON.stringify([c, next.partners]),
                render: (c) => commitmentItem(c, { ctx, partners: next.partners, accept, adjust }),
            }));
            const old = new Map((before?.commitments ?? []).map((c) => [c.commitmentId, c]));
            for (const c of before ? commitments : []) {
                const was = old.get(c.commitmentId);
                if (!was) {
                    ctx.announce('Your therapist proposed a commitment. Both of you decide whether to accept it.');
                } else if (was.status !== 'MADE' && c.status === 'MADE') {
                    ctx.announce('Your commitment is made: both of you accepted it.');
                } else if (c.status === 'CONCLUDED' && was.status !== 'CONCLUDED') {
                    ctx.announce(`Your therapist concluded a commitment: ${COMMITMENT_OUTCOMES[c.outcome]?.label.toLowerCase() ?? 'it has ended'}.`);
                } else if ((was.endsOn !== c.endsOn || was.improvementBy !== c.improvementBy) && !suggested.delete(c.commitmentId)) {
                    ctx.announce('Other dates were suggested for a commitment. It asks both of you again.');
                } else if (c.status === 'PROPOSED') {
                    (c.acceptedBy ?? []).filter((id) => id !== ctx.me && !(was.acceptedBy ?? []).includes(id))
                        .forEach((id) => ctx.announce(`${ctx.nameOf(id)} accepted the commitment.`));
                }
            }
        },
    };
}

function commitmentItem(c, { ctx, partners, accept, adjust }) {
    const box = problemBox();
    const open = c.status === 'PROPOSED' && !(c.acceptedBy ?? []).includes(ctx.me);
    return h('li', { class: `commitment ${c.status.toLowerCase()}`, tabindex: -1 },
        commitmentFacts(c, { partners, nameOf: ctx.nameOf, forPartner: true }),
        open && h('div', { class: 'row-actions' },
            pressed(h('button', { class: 'button primary', type: 'button' }, 'Accept these dates'), box, () => accept(c))),
        box,
        open && h('details', { class: 'more' }, h('summary', {}, 'Suggest other dates'), adjustForm(c, adjust)));
}

function adjustForm(c, adjust) {
    const id = `ed-adjust-${c.commitmentId}`;
    const form = h('form', { class: 'stack', 'aria-label': 'Suggest other dates' },
        h('p', { class: 'hint' }, 'The start stays. New dates ask both of you to accept again.'),
        field({ id: `${id}-improvement`, name: 'improvementBy', label: 'A marked improvement by', type: 'date', required: true,
            value: c.improvementBy, min: c.startsOn }),
        field({ id: `${id}-ends`, name: 'endsOn', label: 'Ends on', type: 'date', required: true, value: c.endsOn, min: c.startsOn }),
        problemBox(),
        h('button', { class: 'button', type: 'submit' }, 'Suggest these dates'));
    onSubmit(form, (data) => adjust(c, { endsOn: data.get('endsOn'), improvementBy: data.get('improvementBy') }));
    return form;
}

/** What both the partners and their therapist see of a commitment: where it stands, its dates, its check-points, who accepted. */
export function commitmentFacts(c, { partners, nameOf, forPartner = false }) {
    const both = forPartner ? 'both of you' : 'both partners';
    const status = {
        PROPOSED: `Proposed: it holds once ${both} accept it as it stands.`,
        MADE: `Made: ${both} accepted it.`,
        CONCLUDED: `Concluded: ${COMMITMENT_OUTCOMES[c.outcome]?.label.toLowerCase() ?? 'ended'}.`,
    }[c.status] ?? c.status;
    return [
        h('h4', {}, 'From ', onDay(c.startsOn), ' to ', onDay(c.endsOn)),
        h('p', { class: `status ${c.status === 'MADE' ? 'active' : c.status === 'CONCLUDED' ? 'ended' : 'waiting'}` }, status),
        c.outcome === 'PARTING' && h('p', { class: 'notice' }, 'A respectful parting is an honest outcome too. '
            + 'Ending with care, and knowing why, is its own kind of progress.'),
        h('dl', { class: 'dates' },
            h('div', {}, h('dt', {}, 'Starts'), h('dd', {}, onDay(c.startsOn))),
            h('div', {}, h('dt', {}, 'A marked improvement by'), h('dd', {}, onDay(c.improvementBy))),
            h('div', {}, h('dt', {}, 'Ends'), h('dd', {}, onDay(c.endsOn)))),
        c.checkpoints?.length
            ? h('div', { class: 'facts' }, h('p', { class: 'facts-label' }, 'Check-points'),
                h('ul', { class: 'checkpoints' }, c.checkpoints.map((cp) => h('li', { class: cp.outcome ? cp.outcome.toLowerCase().replace('_', '-') : 'open' },
                    onDay(cp.day), ': ', cp.outcome ? CHECKPOINT_OUTCOMES[cp.outcome] ?? cp.outcome : 'not reviewed yet'))))
            : h('p', { class: 'muted small' }, 'No check-points.'),
        c.status !== 'CONCLUDED' && whoDid(partners, c.acceptedBy, { nameOf, done: 'accepted', open: 'not yet', label: 'Who accepted' }),
    ];
}

// --- small shared pieces -------------------------------------------------------------------------

/** Each partner and whether they did it, in words (a mark beside is only decoration). */
export function whoDid(partners, ids = [], { nameOf, done, open, label }) {
    return h('ul', { class: 'who-did', 'aria-label': label }, partners.map((p) => {
        const did = (ids ?? []).includes(p.partnerId);
        return h('li', { class: did ? 'did' : 'not-yet' }, `${nameOf(p.partnerId)}: ${did ? done : open}`);
    }));
}

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dayYearFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** A <time> for a calendar day as the services send it (YYYY-MM-DD): a day where one lives, never UTC midnight. */
export function onDay(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
    if (!match) {
        return null;
    }
    const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    const format = date.getFullYear() === new Date().getFullYear() ? dayFormat : dayYearFormat;
    return h('time', { datetime: text }, format.format(date));
}

/** Today where one lives, as a date input writes it. */
export function today() {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

/**
 * Runs action; a refusal the services name by its rule only (a date out of order) gets the field at
 * fault added, so the problem box marks that field as well.
 */
export async function markingFields(action, fieldsByRule) {
    try {
        return await action();
    } catch (problem) {
        const name = fieldsByRule[problem.rule];
        if (name && !problem.errors?.length) {
            problem.errors = [{ field: name }];
        }
        throw problem;
    }
}

/**
 * Focus that follows an item acted on: acting(key, action) remembers it, and built(elements), given
 * what a push rebuilt, moves the focus to its new element, so the keyboard stays where it was.
 */
export function focusFollower() {
    let acted = null;
    return {
        async acting(key, action) {
            acted = key;
            try {
                await action();
            } catch (problem) {
                acted = null;
                throw problem;
            }
        },
        built(elements) {
            const item = acted && elements.find((el) => el.dataset.key === acted);
            if (item) {
                item.focus();
                acted = null;
            }
        },
    };
}

export function pressed(button, box, action) {
    onPress(button, box, action);
    return button;
}

function hasTherapist(view) {
    return (view.therapists ?? []).some((t) => t.access === 'ACTIVE');
}

/** The first few of a long list, and a button that shows the rest (focus moves to the first one it adds). */
function moreButton(list, rerender) {
    const state = { all: false, button: h('button', { class: 'button quiet', type: 'button', hidden: true }) };
    state.button.addEventListener('click', () => {
        state.all = true;
        rerender();
        list.children[FIRST_SHOWN]?.focus();
    });
    state.take = (items, noun) => {
        state.button.hidden = state.all || items.length <= FIRST_SHOWN;
        state.button.textContent = `Show all ${items.length} ${noun}`;
        return state.all ? items : items.slice(0, FIRST_SHOWN);
    };
    return state;
}
