// One live session as a partner takes part in it: who is here (partners and an observing therapist),
// the exercise step by step, bids for connection and their answers, and free notes: their private
// drafts and what they shared. A therapist observes on a console of their own (clinical/console.js).
import { command } from '../api.js';
import { h, named, renderList, when } from '../dom.js';
import { countedText, olderItems, onPress, onSubmit, problemBox } from '../forms.js';
import { partnerName, RESPONSES } from '../words.js';
import { bidItem } from './bid.js';
import { draftsCard, sharedCard } from './entries.js';
import { exerciseCard } from '../exercise/exercise-card.js';
import { exerciseLabel } from '../exercise/guides.js';
import { onConnect } from '../live.js';
import { announceConnections, followPresence, presenceWords } from '../presence.js';
import { PAGE_SIZE } from '../feed.js';

const MAX_WORDS = 280;

/**
 * therapists: the names of the therapists who see this session too (for the partners' screen);
 * loadOlder(list): adds the next older page of one of the view's lists, says whether older ones remain.
 */
export function sessionScreen({ me, sessionId, announce, therapists, loadOlder }) {
    const heading = h('h1', { tabindex: -1 }, 'Session');
    const meta = h('p', { class: 'session-meta muted' }, 'Opening the session…');
    const presence = h('ul', { class: 'people presence', 'aria-label': 'Who is here' });
    const waiting = h('p', { class: 'hint', hidden: true },
        'Your partner can come back and rejoin at any moment. If neither of you is here for a while, the session pauses; it never ends by itself.');
    const back = h('a', { class: 'back', href: '#/sessions' }, '← All your sessions');

    const bids = h('ol', { class: 'bids', 'aria-labelledby': 'bids-title' });
    const noBids = h('p', { class: 'muted' }, 'No bids yet.');
    // The view holds the newest bids; older ones come a page at a time, below them.
    const olderBids = olderItems({ label: 'Show older bids', list: 'bids', loadOlder, pageSize: PAGE_SIZE });
    const shared = sharedCard({ me, announce, therapists });
    const partner = partnerParts({ sessionId, announce });
    const exercise = exerciseCard({ me, sessionId, announce });
    // Drafts are never pushed: after a dropped connection they are fetched again with the views.
    const undoReconnect = onConnect(() => exercise.refresh());

    const el = h('div', { class: 'screen' },
        h('p', {}, back),
        h('section', { class: 'hero' }, heading, meta, presence, waiting,
            h('ul', { class: 'people observers', 'aria-label': 'Observing' })),
        exercise.el,
        h('div', { class: 'grid session-grid' },
            h('div', { class: 'stack' }, partner.bidForm, partner.notHere, partner.controls, partner.drafts.el),
            h('div', { class: 'stack' },
                h('section', { class: 'card stack bids-card', 'aria-labelledby': 'bids-title' },
                    h('h2', { id: 'bids-title' }, 'Bids for connection'),
                    h('p', { class: 'hint' }, 'Turning toward meets a bid with attention, turning away lets it pass, turning against pushes it back.'),
                    noBids, bids, olderBids.el),
                shared.el)));

    let shown = null;
    let focusBid = null;
    // Joined (an event) says who takes part; the connection (live state) says whether they are here now.
    let connectionOf = () => 'HERE';
    const stopPresence = followPresence(sessionId, (next, before) => {
        connectionOf = next;
        if (shown) {
            showPeople(shown);
            announceConnections(shown, before, next, announce, me);
        }
    });

    function showPeople(view) {
        const running = view.status === 'RUNNING';
        waiting.hidden = !running || !view.partners.some((p) => p.partnerId !== me && p.present
            && ['DROPPED', 'ABSENT'].includes(connectionOf(p.partnerId)));
        presence.replaceChildren(...view.partners.map((p) => {
            const connection = p.partnerId === me ? 'HERE' : connectionOf(p.partnerId);
            const here = running && p.present;
            return h('li', { class: `person ${here ? connection.toLowerCase() : 'gone'}` },
                h('span', { class: 'dot', 'aria-hidden': 'true' }),
                h('span', { dir: 'auto' }, p.partnerId === me ? named`${partnerName(p.displayName)} (you)` : partnerName(p.displayName)),
                h('span', { class: 'muted small' }, here ? presenceWords(connection) : 'not here'));
        }));
        el.querySelector('.observers').replaceChildren(...(view.observers ?? []).map((o) => {
            const connection = o.therapistId === me ? 'HERE' : connectionOf(o.therapistId);
            return h('li', { class: `person ${connection.toLowerCase()}` },
                h('span', { class: 'dot', 'aria-hidden': 'true' }), h('span', { dir: 'auto' }, o.displayName ?? 'Your therapist'),
                h('span', { class: 'muted small' }, presenceWords(connection, 'therapist')));
        }));
    }

    function update(view) {
        const running = view.status === 'RUNNING';
        const mine = view.partners.find((p) => p.partnerId === me);
        const present = Boolean(running && mine?.present);
        const nameOf = (id) => (id === me ? 'you' : view.partners.find((p) => p.partnerId === id)?.displayName ?? 'your partner');

        heading.textContent = exerciseLabel(view.exercise);
        meta.replaceChildren(running ? 'Running since ' : 'Ended ', when(running ? view.startedAt : view.endedAt ?? view.startedAt));
        showPeople(view);
        partner.update({ running, present, other: view.partners.find((p) => p.partnerId !== me)?.displayName });

        const ordered = [...(view.bids ?? [])].reverse();
        noBids.hidden = ordered.length > 0;
        olderBids.update(ordered.length);
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
        shared.update(view);
        exercise.update(view);
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
        for (const p of after.partners.filter((p) => p.partnerId !== me)) {
            const was = before.partners.find((b) => b.partnerId === p.partnerId)?.present;
            if (was !== p.present && after.status === 'RUNNING') {
                announce(p.present ? `${partnerName(p.displayName)} is here.` : `${partnerName(p.displayName)} left the session.`);
            }
        }
        const old = new Map(before.bids?.map((b) => [b.bidId, b]));
        for (const bid of after.bids ?? []) {
            if (!old.has(bid.bidId) && bid.toPartnerId === me) {
                announce(`${nameOf(bid.fromPartnerId)} made a bid${bid.words ? `: ${bid.words}` : '.'}`);
            } else if (bid.response && !old.get(bid.bidId)?.response && bid.fromPartnerId === me) {
                announce(`${nameOf(bid.toPartnerId)} ${RESPONSES[bid.response]?.done ?? 'answered'} your bid.`);
            } else if (bid.missedAt && !old.get(bid.bidId)?.missedAt && bid.fromPartnerId === me) {
                announce(`Your bid to ${nameOf(bid.toPartnerId)} went unanswered and was missed.`);
            }
        }
        if (before.status === 'RUNNING' && after.status !== 'RUNNING') {
            announce('The session has ended.');
        }
    }

    return {
        el, title: 'Session', update, refresh: () => exercise.refresh(),
        stop: () => {
            partner.drafts.stop();
            exercise.stop();
            undoReconnect();
            stopPresence();
        },
    };
}

/** What only a partner has: the bid form, joining, leaving and ending, and their private drafts. */
function partnerParts({ sessionId, announce }) {
    const words = countedText({ id: 'bid-words', name: 'words', label: 'Your words', max: MAX_WORDS, rows: 3 });
    const bidForm = h('form', { class: 'card stack bid-form', 'aria-labelledby': 'bid-title', hidden: true },
        h('h2', { id: 'bid-title' }, 'Make a bid'),
        h('p', { class: 'hint' }, 'A small reach toward your partner: a question, a warm word, a wish to share a moment. Words are optional.'),
        words.el,
        problemBox(),
        h('button', { class: 'button primary', type: 'submit' }, 'Make a bid'));
    onSubmit(bidForm, async () => {
        await command(`sessions/${sessionId}/bids`, { words: words.textarea.value.trim() });
        words.reset();
    });

    const notHere = h('section', { class: 'card stack not-here', hidden: true },
        h('p', {}, 'You are not in this session right now.'), problemBox(),
        h('button', { class: 'button primary', type: 'button' }, 'Join this session'));
    onPress(notHere.querySelector('button'), notHere.querySelector('.problem'), () => join());

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

    const drafts = draftsCard({ sessionId, announce });

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

    return {
        bidForm, notHere, controls, drafts,
        update({ running, present, other }) {
            bidForm.hidden = !present;
            notHere.hidden = !running || present;
            controls.hidden = !running;
            leave.hidden = !present;
            drafts.update({ running, present, other });
        },
    };
}
