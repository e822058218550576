// What a session came to, shown to both partners (and an observing therapist) once it has ended.
import { fill, h, named } from '../dom.js';

/** Fills the outcome section once the session has ended; hidden until then. observer: a therapist reads it. */
export function renderOutcome(outcome, result, nameOf, { observer = false } = {}) {
    outcome.hidden = !result;
    if (!result) {
        return;
    }
    const line = (n, one, many) => (n > 0 ? h('li', {}, `${n} ${n === 1 ? one : many}`) : null);
    fill(outcome,
        h('h2', { id: 'outcome-title', tabindex: -1 }, 'What this session came to'),
        h('p', {}, `It lasted ${result.minutes} minute${result.minutes === 1 ? '' : 's'}`,
            !result.endedBy ? '.' : nameOf(result.endedBy) === 'You' ? ', and you ended it.' : named`, and ${nameOf(result.endedBy)} ended it.`),
        h('ul', {},
            line(result.stepsRevealed.length, 'step revealed together', 'steps revealed together'),
            line(result.entriesShared, 'answer shared', 'answers shared'),
            line(result.softenings, 'softening', 'softenings'),
            line(result.reengagements, 're-engagement', 're-engagements'),
            line(result.changeEventsConfirmed, `turning point confirmed${observer ? '' : ' by your therapist'}`,
                `turning points confirmed${observer ? '' : ' by your therapist'}`),
            line(result.babyStepsCommitted, 'baby step committed to', 'baby steps committed to'),
            line(result.resentmentsReleased, 'resentment let go', 'resentments let go'),
            line(result.bidsTurnedToward, 'bid turned toward', 'bids turned toward')),
        h('p', { class: 'hint' }, observer ? 'Everything they shared stays here to look back on, for them and for you.'
            : 'Everything shared stays here for both of you to look back on.'));
}
