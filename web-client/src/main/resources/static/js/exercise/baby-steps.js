// The baby steps each partner committed to in a session, followed through between sessions: the
// partner who committed says, as often as they like, whether their step happened ("Done" or "Not this
// time"), and both see every step with its history. A therapist they consented to sees the same,
// read-only. Nothing is kept here: the pushed CoupleView brings every follow-up back.
import { command } from '../api.js';
import { h, named, renderList, when } from '../dom.js';
import { focusFollower, olderItems, onPress, problemBox } from '../forms.js';
import { PAGE_SIZE } from '../feed.js';

/** me: the signed-in partner (none for a therapist, who only reads); nameOf(id): a partner's name. */
export function babyStepsCard({ me = null, announce, nameOf, loadOlder }) {
    const follower = focusFollower();
    const list = h('ul', { class: 'entries', 'aria-labelledby': 'bs-title' });
    const none = h('p', { class: 'muted' }, me
        ? 'No baby steps yet. The ones you commit to in a session wait for you here.'
        : 'No baby steps committed yet.');
    const older = olderItems({ label: 'Show older follow-ups', list: 'babyStepFollowUps', loadOlder, pageSize: PAGE_SIZE });
    const el = h('section', { class: 'card stack followed-steps', 'aria-labelledby': 'bs-title' },
        h('h2', { id: 'bs-title' }, 'Baby steps'),
        h('p', { class: 'hint' }, me
            ? 'Small steps count, and so does trying. Say each time how yours went; a step that did not happen is no failure.'
            : 'What each partner committed to in their sessions, and how it has gone since.'),
        none, list, older.el);

    const followUp = (step, done) => follower.acting(keyOf(step), async () => {
        await command(`sessions/${step.sessionId}/baby-steps/${encodeURIComponent(step.behaviourEntryId)}/follow-ups`, { done });
        announce(done ? 'Noted: you did it. Well done.' : 'Noted. There is always a next time.');
    });

    return {
        el,
        update(view, before) {
            const steps = [...(view.babySteps ?? [])].sort((a, b) => String(b.committedAt).localeCompare(String(a.committedAt)));
            const history = historyByStep(view.babyStepFollowUps ?? []);
            none.hidden = steps.length > 0;
            follower.built(renderList(list, steps, {
                key: keyOf,
                signature: (step) => JSON.stringify([step, history.get(keyOf(step)), nameOf(step.committedBy)]),
                render: (step) => stepItem(step, history.get(keyOf(step)) ?? [], { me, nameOf, followUp }),
            }));
            older.update((view.babyStepFollowUps ?? []).length);
            announceOthers(before, view);
        },
    };

    function announceOthers(before, after) {
        if (!before) {
            return;
        }
        const known = new Set((before.babyStepFollowUps ?? []).map((f) => f.followUpId));
        for (const f of after.babyStepFollowUps ?? []) {
            if (!known.has(f.followUpId) && f.committedBy !== me) {
                announce(f.done ? `${nameOf(f.committedBy)} did their baby step.`
                    : `${nameOf(f.committedBy)}’s baby step did not happen this time.`);
            }
        }
    }
}

function keyOf(step) {
    return `${step.sessionId}|${step.committedBy}|${step.behaviourEntryId}`;
}

/** Each step's follow-ups, newest first. */
function historyByStep(followUps) {
    const byStep = new Map();
    for (const f of [...followUps].sort((a, b) => String(b.at).localeCompare(String(a.at)))) {
        const key = keyOf(f);
        byStep.set(key, [...(byStep.get(key) ?? []), f]);
    }
    return byStep;
}

function stepItem(step, history, { me, nameOf, followUp }) {
    const mine = me != null && step.committedBy === me;
    const words = step.smallerStep ?? step.behaviour;
    const box = problemBox();
    const actions = [];
    if (mine) {
        const done = h('button', { class: 'button primary', type: 'button' }, 'Done');
        const notThisTime = h('button', { class: 'button quiet', type: 'button' }, 'Not this time');
        onPress(done, box, () => followUp(step, true));
        onPress(notThisTime, box, () => followUp(step, false));
        actions.push(done, notThisTime);
    }
    return h('li', { class: `entry ${mine ? 'from-me' : ''}`, tabindex: -1 },
        h('p', { class: 'bid-head' }, h('strong', {}, mine ? 'Your step' : named`${nameOf(step.committedBy)}’s step`),
            ' · committed ', when(step.committedAt)),
        words ? h('p', { class: 'entry-text', dir: 'auto' }, words) : h('p', { class: 'entry-text quiet' }, 'A step from one of your sessions.'),
        step.smallerStep && step.behaviour && h('p', { class: 'muted small' }, named`A smaller step toward “${step.behaviour}”`),
        h('p', { class: 'muted small' }, tally(step)),
        actions.length > 0 && h('div', { class: 'row-actions', role: 'group', 'aria-label': 'How did it go this time?' }, actions),
        box,
        history.length > 0 && h('details', { class: 'more' }, h('summary', {}, `How it went (${history.length})`),
            h('ol', { class: 'follow-ups' }, history.map((f) => h('li', {},
                f.done ? 'Done' : 'Not this time', ' · ', when(f.at))))));
}

function tally(step) {
    if (!step.lastFollowedUpAt) {
        return 'Not followed up yet.';
    }
    return [step.timesDone > 0 && `Done: ${step.timesDone}`, step.timesNotDone > 0 && `Not this time: ${step.timesNotDone}`]
        .filter(Boolean).join(' · ');
}
