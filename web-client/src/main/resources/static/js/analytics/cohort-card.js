// Across all couples: counts, couples by phase, bids turned toward on average against the research
// reference, and sessions by exercise. No couple is named.
import { query } from '../api.js';
import { fill, h } from '../dom.js';
import { onPress, problemBox } from '../forms.js';
import { bandLabel, phaseLabel, phases } from '../cycle/labels.js';
import { exerciseLabel } from '../exercise/guides.js';
import { lowerFirst } from '../words.js';
import { barChart, hiddenTable, referenceLegend, referenceScale } from './pictures.js';
import { REFERENCE, numbers, percentWords, showProblem } from './research.js';

const REFERENCE_NOTE = 'The two figures come from research on bids turned toward. They are a reference to read a figure against, not a diagnosis.';

export function cohortCard() {
    const box = problemBox();
    const body = h('div', { class: 'stack research-cohort' }, h('p', { class: 'muted' }, 'Loading the figures…'));
    const again = h('button', { class: 'button quiet', type: 'button' }, 'Load again');
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'cohort-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'cohort-title' }, 'All couples together'), again),
        h('p', { class: 'muted' }, 'Figures across every couple Duet holds, none of them named.'),
        box, body);

    const load = async () => {
        const cohort = await query('analytics/cohort');
        fill(body, cohortTiles(cohort), h('div', { class: 'grid two' }, phaseChart(cohort), towardFigure(cohort)), exercisesList(cohort));
    };
    onPress(again, box, load);
    load().catch((problem) => showProblem(box, problem));
    return { el };
}

function cohortTiles(cohort) {
    const tiles = [
        ['Couples', numbers.format(cohort.couples)],
        ['Partners who answered bids', numbers.format(cohort.partnersWithBids)],
        ['Softenings', numbers.format(cohort.softenings)],
        ['Re-engagements', numbers.format(cohort.reengagements)],
        ['Resentments let go', numbers.format(cohort.resentmentsReleased)],
        ['Resentments still open', numbers.format(cohort.resentmentsOpen)],
        ['Check-points kept, on average', percentWords(cohort.meanCheckpointsPercent)],
        ['Therapy sessions attended, on average', percentWords(cohort.meanAttendancePercent)],
    ];
    return h('dl', { class: 'research-tiles' },
        tiles.map(([label, value]) => h('div', { class: 'research-tile' }, h('dt', {}, label), h('dd', {}, value))));
}

function phaseChart(cohort) {
    const known = phases().length ? phases() : Object.keys(cohort.byPhase ?? {});
    const rows = known.map((phase) => ({ label: phaseLabel(phase), count: cohort.byPhase?.[phase] ?? 0 }));
    return h('section', { class: 'stack research-chart', 'aria-labelledby': 'phase-chart-title' },
        h('h3', { id: 'phase-chart-title' }, 'Couples by phase'),
        barChart(rows, { id: 'phase-chart', title: 'Couples by phase' }),
        hiddenTable('Couples by phase', ['Phase', 'Couples'], rows.map((row) => [row.label, numbers.format(row.count)])));
}

function towardFigure(cohort) {
    const value = cohort.meanTowardPercent;
    const partners = cohort.partnersWithBids === 1 ? 'one partner' : `${numbers.format(cohort.partnersWithBids)} partners`;
    return h('section', { class: 'stack research-toward', 'aria-labelledby': 'toward-title' },
        h('h3', { id: 'toward-title' }, 'Bids turned toward, on average'),
        value == null
            ? h('p', { class: 'muted' }, 'Not counted yet: no partner has answered a bid.')
            : h('p', {}, h('strong', { class: 'research-big' }, `${value}%`),
                ` of answered bids were turned toward, on average over ${partners}: ${lowerFirst(bandLabel(bandOf(value, REFERENCE)))}.`),
        referenceScale(value),
        referenceLegend(),
        h('p', { class: 'hint' }, REFERENCE_NOTE));
}

function exercisesList(cohort) {
    const entries = Object.entries(cohort.sessionsByExercise ?? {}).sort((a, b) => b[1] - a[1]);
    return h('section', { class: 'stack', 'aria-labelledby': 'exercises-title' },
        h('h3', { id: 'exercises-title' }, 'Sessions by exercise'),
        entries.length === 0
            ? h('p', { class: 'muted' }, 'No sessions yet.')
            : h('ul', { class: 'research-counts' }, entries.map(([exercise, count]) =>
                h('li', {}, h('span', {}, exerciseLabel(exercise)), h('strong', {}, numbers.format(count))))));
}

/** Where a percentage falls against the reference, by the same thirds the service uses for partners. */
function bandOf(percent, reference) {
    const third = Math.trunc((reference.stayedTogetherPercent - reference.divorcedPercent) / 3);
    if (percent >= reference.stayedTogetherPercent - third) {
        return 'near-stayed-together';
    }
    return percent <= reference.divorcedPercent + third ? 'near-divorced' : 'between';
}
