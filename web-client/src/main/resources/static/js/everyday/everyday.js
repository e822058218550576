// Life between sessions, for one partner: bids for connection and their answers, a lean check-in
// and appreciations, here; their own lists (js/lists/), and the homework and time-bound commitments
// their therapist sets (js/commitment/), as parts of one card kept current by the pushed CoupleView.
import { command } from '../api.js';
import { fill, h, named, renderList, when } from '../dom.js';
import { countedText, focusFollower, onSubmit, problemBox } from '../forms.js';
import { leanLabel, leans } from '../cycle/labels.js';
import { RESPONSES } from '../words.js';
import { bidItem } from '../session/bid.js';
import { commitmentsPart, homeworkPart } from '../commitment/commitments.js';
import { listsPart } from '../lists/lists.js';

const MAX_WORDS = 1000;
const FIRST_SHOWN = 6;      // bids and appreciations shown before "Show all"

export function everydayCard({ me, coupleId, announce }) {
    let view = null;
    const ctx = {
        me, coupleId, announce, ...focusFollower(),
        /** A partner's name as a sentence starts with it: "You" for this partner. */
        nameOf: (id) => (id === me ? 'You' : view?.partners.find((p) => p.partnerId === id)?.displayName ?? 'Your partner'),
        otherName: () => view?.partners.find((p) => p.partnerId !== me)?.displayName ?? 'your partner',
        partnerName: () => partnerName(),
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
                } else if (bid.missedAt && !old.get(bid.bidId)?.missedAt && bid.fromPartnerId === ctx.me) {
                    ctx.announce(`Your bid to ${nameOf(bid.toPartnerId)} went unanswered and was missed.`);
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
            leans().map(([value, { label, about }]) => radio({ name: 'lean', id: `ed-lean-${value.toLowerCase()}`, value, label, hint: about }))),
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
        ctx.announce(`Checked in: ${leanLabel(lean).toLowerCase()}, energy ${data.get('energy')} of 10. ${ctx.otherName()} can see it.`);
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
                    ctx.announce(`${p.displayName} checked in: ${leanLabel(now.lean).toLowerCase()}, energy ${now.energy} of 10.`);
                }
            }
        },
    };
}

function checkInItem(name, checkIn) {
    return h('li', { class: `check-in ${checkIn ? checkIn.lean.toLowerCase() : 'none'}` },
        h('strong', {}, name),
        checkIn
            ? h('span', {}, `${leanLabel(checkIn.lean)} · energy ${checkIn.energy} of 10 · `, when(checkIn.at))
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
            h('p', { class: 'bid-head' }, h('strong', {}, a.fromPartnerId === ctx.me ? named`To ${ctx.nameOf(a.toPartnerId)}` : named`From ${ctx.nameOf(a.fromPartnerId)}`),
                ' · ', when(a.at)),
            h('p', { class: 'entry-text', dir: 'auto' }, a.words));
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
