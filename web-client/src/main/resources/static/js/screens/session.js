// One live session: who is here, bids for connection and their answers.
import { command } from '../api.js';
import { h, renderList, when } from '../dom.js';
import { onPress, onSubmit, problemBox } from '../forms.js';
import { exerciseLabel, RESPONSES } from '../words.js';
import { bidItem } from './bid.js';

const MAX_WORDS = 280;

export function sessionScreen({ me, sessionId, announce }) {
    const heading = h('h1', { tabindex: -1 }, 'Session');
    const meta = h('p', { class: 'session-meta muted' }, 'Opening the session…');
    const presence = h('ul', { class: 'people presence', 'aria-label': 'Who is here' });

    const words = h('textarea', { id: 'bid-words', name: 'words', rows: 3, maxlength: MAX_WORDS, 'aria-describedby': 'bid-hint bid-count' });
    const count = h('p', { id: 'bid-count', class: 'hint count' }, `0 of ${MAX_WORDS} characters`);
    words.addEventListener('input', () => {
        count.textContent = `${words.value.length} of ${MAX_WORDS} characters`;
    });
    const bidForm = h('form', { class: 'card stack', 'aria-labelledby': 'bid-title', hidden: true },
        h('h2', { id: 'bid-title' }, 'Make a bid'),
        h('p', { id: 'bid-hint', class: 'hint' }, 'A small reach toward your partner: a question, a warm word, a wish to share a moment. Words are optional.'),
        h('label', { for: 'bid-words' }, 'Your words'), words, count,
        problemBox(),
        h('button', { class: 'button primary', type: 'submit' }, 'Make a bid'));
    onSubmit(bidForm, async () => {
        await command(`sessions/${sessionId}/bids`, { words: words.value.trim() });
        words.value = '';
        count.textContent = `0 of ${MAX_WORDS} characters`;
    });

    const notHere = h('section', { class: 'card stack', hidden: true },
        h('p', {}, 'You are not in this session right now.'), problemBox(),
        h('button', { class: 'button primary', type: 'button' }, 'Join this session'));
    onPress(notHere.querySelector('button'), notHere.querySelector('.problem'), () => join());

    const bids = h('ol', { class: 'bids', 'aria-labelledby': 'bids-title' });
    const noBids = h('p', { class: 'muted' }, 'No bids yet.');

    const leave = h('button', { class: 'button', type: 'button' }, 'Leave session');
    const end = h('button', { class: 'button quiet danger', type: 'button' }, 'End for both of us');
    const controlsProblem = problemBox();
    const controls = h('div', { class: 'session-actions' }, leave, end, controlsProblem);
    onPress(leave, controlsProblem, async () => {
        await command(`sessions/${sessionId}/leave`);
        location.hash = '#/';
    });
    onPress(end, controlsProblem, async () => {
        if (confirm('End this session for both of you?')) {
            await command(`sessions/${sessionId}/end`);
        }
    });

    const el = h('div', { class: 'screen' },
        h('p', {}, h('a', { class: 'back', href: '#/' }, '← Back to your couple')),
        h('section', { class: 'hero' }, heading, meta, presence),
        h('div', { class: 'grid session-grid' },
            h('div', { class: 'stack' }, bidForm, notHere, controls),
            h('section', { class: 'card stack', 'aria-labelledby': 'bids-title' },
                h('h2', { id: 'bids-title' }, 'Bids for connection'),
                h('p', { class: 'hint' }, 'Turning toward meets a bid with attention, turning away lets it pass, turning against pushes it back.'),
                noBids, bids)));

    let shown = null;
    let focusBid = null;

    // Being on this screen means taking part; joining again while present changes nothing.
    function join() {
        return command(`sessions/${sessionId}/join`).catch((problem) => {
            if (problem.rule !== 'session-ended') {
                throw problem;
            }
        });
    }
    join().catch((problem) => {
        controlsProblem.textContent = problem.message;
        controlsProblem.hidden = false;
    });

    function update(view) {
        const running = view.status === 'RUNNING';
        const mine = view.partners.find((p) => p.partnerId === me);
        const present = Boolean(running && mine?.present);
        const nameOf = (id) => (id === me ? 'you' : view.partners.find((p) => p.partnerId === id)?.displayName ?? 'your partner');

        heading.textContent = exerciseLabel(view.exercise);
        meta.replaceChildren(running ? 'Running since ' : 'Ended ', when(running ? view.startedAt : view.endedAt ?? view.startedAt));
        presence.replaceChildren(...view.partners.map((p) => h('li', { class: `person ${running && p.present ? 'here' : 'away'}` },
            h('span', { class: 'dot', 'aria-hidden': 'true' }),
            h('span', {}, p.partnerId === me ? `${p.displayName} (you)` : p.displayName),
            h('span', { class: 'muted small' }, running && p.present ? 'here' : 'not here'))));
        bidForm.hidden = !present;
        notHere.hidden = !running || present;
        controls.hidden = !running;
        leave.hidden = !present;

        const ordered = [...(view.bids ?? [])].reverse();
        noBids.hidden = ordered.length > 0;
        const built = renderList(bids, ordered, {
            key: (bid) => bid.bidId,
            signature: (bid) => JSON.stringify([bid, present, nameOf(bid.fromPartnerId), nameOf(bid.toPartnerId)]),
            render: (bid) => bidItem(bid, { me, present, nameOf, answer }),
        });
        const answered = built.find((item) => item.dataset.key === focusBid);
        if (answered) {
            answered.focus();
            focusBid = null;
        }
        if (shown) {
            announceChanges(shown, view, nameOf);
        }
        shown = view;
    }

    async function answer(bid, response) {
        focusBid = bid.bidId;
        try {
            await command(`sessions/${sessionId}/bids/${bid.bidId}/answer`, { response });
        } catch (problem) {
            focusBid = null;
            throw problem;
        }
    }

    function announceChanges(before, after, nameOf) {
        for (const partner of after.partners.filter((p) => p.partnerId !== me)) {
            const was = before.partners.find((p) => p.partnerId === partner.partnerId)?.present;
            if (was !== partner.present && after.status === 'RUNNING') {
                announce(partner.present ? `${partner.displayName} is here.` : `${partner.displayName} left the session.`);
            }
        }
        const old = new Map(before.bids?.map((b) => [b.bidId, b]));
        for (const bid of after.bids ?? []) {
            if (!old.has(bid.bidId) && bid.toPartnerId === me) {
                announce(`${nameOf(bid.fromPartnerId)} made a bid${bid.words ? `: ${bid.words}` : '.'}`);
            } else if (bid.response && !old.get(bid.bidId)?.response && bid.fromPartnerId === me) {
                announce(`${nameOf(bid.toPartnerId)} ${RESPONSES[bid.response]?.done ?? 'answered'} your bid.`);
            }
        }
        if (before.status === 'RUNNING' && after.status !== 'RUNNING') {
            announce('The session has ended.');
        }
    }

    return { el, title: 'Session', update };
}
