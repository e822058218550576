// One bid for connection as the partners see it: who reached for whom, the words, the answer, or
// that it went unanswered and was missed (when its session ended, or after its time between sessions).
import { h, named, when } from '../dom.js';
import { onPress, problemBox } from '../forms.js';
import { RESPONSES } from '../words.js';

/**
 * The partner a bid was made to answers it here, with the three answer buttons, while present. An
 * observer (a therapist watching) sees who reached for whom and the answer, and never the buttons.
 */
export function bidItem(bid, { me, present, nameOf, answer, observer = false }) {
    if (observer) {
        return observedBid(bid, nameOf);
    }
    const toMe = bid.toPartnerId === me;
    const fromMe = bid.fromPartnerId === me;
    const who = fromMe ? named`You → ${nameOf(bid.toPartnerId)}` : named`${nameOf(bid.fromPartnerId)} → you`;
    const response = RESPONSES[bid.response];
    let footer;
    if (response) {
        footer = h('p', { class: `answer ${bid.response.toLowerCase()}` },
            toMe ? `You ${response.done} this bid` : [named`${nameOf(bid.toPartnerId)} `, `${response.done} your bid`], ' · ', when(bid.answeredAt));
    } else if (bid.missedAt) {
        footer = h('p', { class: 'answer missed' },
            toMe ? 'Missed: this bid went unanswered' : named`Missed: ${nameOf(bid.toPartnerId)} did not get to answer it`,
            ' · ', when(bid.missedAt));
    } else if (toMe && present) {
        const box = problemBox();
        footer = h('div', { class: 'answer-choices' },
            h('div', { class: 'choice-row', role: 'group', 'aria-label': `Answer ${nameOf(bid.fromPartnerId)}'s bid` },
                Object.entries(RESPONSES).map(([value, words]) => {
                    const button = h('button', { class: `button choice ${value.toLowerCase()}`, type: 'button', title: words.hint }, words.action);
                    onPress(button, box, () => answer(bid, value));
                    return button;
                })),
            box);
    } else {
        footer = h('p', { class: 'muted small' }, toMe ? 'Not answered.' : named`Waiting for ${nameOf(bid.toPartnerId)}.`);
    }
    return h('li', { class: `bid ${fromMe ? 'from-me' : 'to-me'}`, tabindex: -1 },
        h('p', { class: 'bid-head' }, h('strong', {}, who), ' · ', when(bid.madeAt)),
        bid.words ? h('p', { class: 'bid-words', dir: 'auto' }, bid.words) : h('p', { class: 'bid-words quiet' }, 'A bid without words'),
        footer);
}

function observedBid(bid, nameOf) {
    const from = nameOf(bid.fromPartnerId);
    const to = nameOf(bid.toPartnerId);
    const response = RESPONSES[bid.response];
    return h('li', { class: 'bid', tabindex: -1 },
        h('p', { class: 'bid-head' }, h('strong', {}, named`${from} → ${to}`), ' · ', when(bid.madeAt)),
        bid.words ? h('p', { class: 'bid-words', dir: 'auto' }, bid.words) : h('p', { class: 'bid-words quiet' }, 'A bid without words'),
        observedAnswer(bid, to, response));
}

function observedAnswer(bid, to, response) {
    if (response) {
        return h('p', { class: `answer ${bid.response.toLowerCase()}` }, named`${to} `, `${response.done} the bid`, ' · ', when(bid.answeredAt));
    }
    if (bid.missedAt) {
        return h('p', { class: 'answer missed' }, named`Missed: ${to} did not answer it`, ' · ', when(bid.missedAt));
    }
    return h('p', { class: 'muted small' }, 'Not answered yet.');
}
