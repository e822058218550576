// The observer console: a therapist's screen while they observe a couple's live session (the
// "Observing" section of a therapist's pages). Both partners side by side with their presence, their
// step and what each has let out; the exercise step by step and what the partners are asked now; the
// turning points waiting to be confirmed, each with one button; pause and resume; their loop; the
// therapist's private notes; and the couple's cycle state, in its compact form, beside them.
// Everything of the couple comes from the session's view, which holds only what both partners can
// see: nothing a partner keeps to themselves ever reaches this screen. Opening it makes the therapist
// the session's observer (both partners see it); leaving it ends that.
import { command } from '../api.js';
import { h, when } from '../dom.js';
import { onPress, problemBox } from '../forms.js';
import { cycleCard } from '../cycle/cycle-card.js';
import { exerciseGuides, exerciseLabel } from '../exercise/guides.js';
import { loopCard } from '../exercise/loop.js';
import { renderOutcome } from '../exercise/outcome.js';
import { announceConnections, followPresence } from '../presence.js';
import { partnerName } from '../words.js';
import { notesCard } from './notes.js';
import { partnerColumns } from './console-partners.js';
import { stepsPart } from './console-steps.js';
import { turningPointsCard } from './console-turns.js';

/** me: the therapist's id; the screen is kept current by update(view), as the session's feed pushes it. */
export function observingConsole({ me, sessionId, announce }) {
    const heading = h('h1', { tabindex: -1 }, 'Observing');
    const meta = h('p', { class: 'session-meta muted' }, 'Opening the session…');
    const back = h('a', { class: 'back', href: '#/caseload' }, '← Back to your couples');
    const controls = sessionControls({ sessionId });
    const others = h('p', { class: 'muted small', hidden: true });
    const steps = stepsPart({ announce, nameOf: (id) => nameOf(id) });
    const partners = partnerColumns({ announce });
    const turns = turningPointsCard({ me, sessionId, announce });
    const loopSlot = h('div', { class: 'console-loop' });
    const outcome = h('section', { class: 'card stack outcome', hidden: true, 'aria-labelledby': 'outcome-title' });
    const notesSlot = h('div');
    const cycleSlot = h('div');

    const el = h('div', { class: 'screen console' },
        h('p', {}, back),
        h('section', { class: 'hero' }, heading, meta,
            h('p', { class: 'notice watching' }, 'You are observing: both partners see that you are here. '
                + 'What a partner keeps to themselves never reaches you.'),
            others, controls.el),
        outcome,
        partners.el,
        h('div', { class: 'console-pair' }, steps.el, turns.el),
        loopSlot,
        h('div', { class: 'console-pair' }, notesSlot, cycleSlot));

    let view = null;
    let shown = null;           // the view last shown, to read out what changed since
    let guide = null;
    let labels = {};
    let loop = null;
    let cycle = null;
    let stopped = false;

    // Opening this screen is observing: both partners see it, and it ends when the therapist leaves.
    command(`sessions/${sessionId}/observe`).catch(() => { /* an ended session has no observers */ });

    const nameOf = (id) => partnerName(view?.partners.find((p) => p.partnerId === id)?.displayName);

    // Whether each partner is connected right now (live state); read out when it changes.
    let connectionOf = () => 'HERE';
    const stopPresence = followPresence(sessionId, (next, before) => {
        connectionOf = next;
        if (view) {
            partners.update(view, { guide, labels, nameOf, connectionOf });
            announceConnections(view, before, next, announce);
        }
    });

    function update(next) {
        view = next;
        exerciseGuides().then((all) => {
            guide = all.find((g) => g.exercise === view.exercise) ?? null;
            labels = all[0]?.labels ?? {};
        }).catch(() => { /* the steps wait for the guides; the rest shows meanwhile */ }).finally(() => {
            if (!stopped && view === next) {
                render();
            }
        });
    }

    function render() {
        const running = view.status === 'RUNNING';
        heading.textContent = exerciseLabel(view.exercise);
        meta.replaceChildren(running ? 'Running since ' : 'Ended ', when(running ? view.startedAt : view.endedAt ?? view.startedAt));
        back.href = `#/couples/${view.coupleId}`;
        back.textContent = '← Back to this couple';
        const otherObservers = (view.observers ?? []).filter((o) => o.therapistId !== me);
        others.hidden = otherObservers.length === 0;
        others.replaceChildren('Also observing: ', ...otherObservers.flatMap((o, n) => [n ? ', ' : '', h('bdi', {}, o.displayName ?? 'a therapist')]));
        controls.update(view, (view.observers ?? []).some((o) => o.therapistId === me));
        steps.update(view, guide);
        partners.update(view, { guide, labels, nameOf, connectionOf });
        turns.update(view, { nameOf, labels });
        renderLoop();
        renderOutcome(outcome, view.outcome, nameOf, { observer: true });
        besideTheSession();
        if (shown) {
            announceChanges(shown, view);
        }
        shown = view;
    }

    /** The loop, for the exercises that draw one: both partners' sides as each has shared them. */
    function renderLoop() {
        if (!(view.loop ?? []).some((side) => side.links.length > 0) && !['CYCLE_MAP', 'RESENTMENT_TO_CLOSENESS'].includes(view.exercise)) {
            return;
        }
        if (!loop) {
            loop = loopCard({ labels, nameOf, observer: true });
            loopSlot.replaceChildren(loop.el);
        }
        loop.update(view.loop);
    }

    /** The therapist's own notes and the couple's cycle state, once the couple is known. */
    function besideTheSession() {
        if (cycle) {
            return;
        }
        const notes = notesCard({ coupleId: view.coupleId, announce, onRefused: () => { /* the session's own feed says so */ } });
        cycle = cycleCard({ coupleId: view.coupleId, observer: true, compact: true, announce, nameOf });
        notesSlot.replaceChildren(notes.el);
        cycleSlot.replaceChildren(cycle.el);
        notes.load();
    }

    function announceChanges(was, now) {
        for (const partner of now.partners) {
            const present = was.partners.find((p) => p.partnerId === partner.partnerId)?.present;
            if (present !== partner.present && now.status === 'RUNNING') {
                announce(`${partnerName(partner.displayName)} ${partner.present ? 'is here' : 'left the session'}.`);
            }
        }
        if (was.paused !== now.paused) {
            announce(now.paused ? 'The session is paused.' : 'The session goes on.');
        }
        if (was.status === 'RUNNING' && now.status !== 'RUNNING') {
            announce('The session has ended.');
        }
    }

    return {
        el,
        title: 'Observing',
        update,
        stop() {
            stopped = true;
            stopPresence();
            cycle?.stop();
            command(`sessions/${sessionId}/stop-observing`).catch(() => { /* already gone */ });
        },
    };
}

/** Pause and resume: the observing therapist may stop the session for a moment, and let it go on. */
function sessionControls({ sessionId }) {
    const button = h('button', { class: 'button', type: 'button', hidden: true }, 'Pause the session');
    const paused = h('p', { class: 'notice paused', role: 'status', hidden: true },
        'The session is paused: nothing can be written until it resumes.');
    const box = problemBox();
    const el = h('div', { class: 'stack console-controls' }, paused, h('div', { class: 'row-actions' }, button), box);
    let pausedNow = false;
    onPress(button, box, () => command(`sessions/${sessionId}/${pausedNow ? 'resume' : 'pause'}`));
    return {
        el,
        update(view, observing) {
            const running = view.status === 'RUNNING';
            pausedNow = Boolean(view.paused);
            paused.hidden = !running || !pausedNow;
            button.hidden = !running || !observing;
            button.textContent = pausedNow ? 'Resume the session' : 'Pause the session';
        },
    };
}
