// Across all couples: counts, couples by phase, bids turned toward on average against the research
// reference, and sessions by exercise. No couple is named, and nothing shows for fewer than five couples.
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
        if (!cohort.shown) {
            fill(body, h('p', { class: 'muted' }, `Figures across couples show once there are at least ${cohort.minimumGroup} couples: `
                + 'with fewer, one couple could be picked out of them.'));
            return;
        }
        fill(body, cohortTiles(cohort), h('div', { class: 'grid two' }, cohort.byPhase && phaseChart(cohort), towardFigure(cohort)),
            exercisesList(cohort));
    };
    onPress(again, box, load);
    load().catch((problem) => showProblem(box, problem));
    return { el };
}

function cohortTiles(cohort) {
    const total = (name) => (cohort.totals?.[name] == null ? 'Too few couples' : numbers.format(cohort.totals[name]));
    const tiles = [
        ['Couples, ever', numbers.format(cohort.couples)],
        ['Bids turned toward', total('bids.TOWARD')],
        ['Bids turned away or against', numbers.format((cohort.totals?.['bids.AWAY'] ?? 0) + (cohort.totals?.['bids.AGAINST'] ?? 0))],
        ['Bids left unanswered', total('bids.MISSED')],
        ['Softenings', total('softenings')],
        ['Re-engagements', total('reengagements')],
        ['Resentments let go', total('resentmentsReleased')],
        ['Baby steps done', total('babySteps.done')],
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
    const entries = Object.entries(cohort.totals ?? {}).filter(([name]) => name.startsWith('sessions.'))
        .map(([name, count]) => [name.slice('sessions.'.length), count]).sort((a, b) => b[1] - a[1]);
    return h('section', { class: 'stack', 'aria-labelledby': 'exercises-title' },
        h('h3', { id: 'exercises-title' }, 'Sessions by exercise'),
        entries.length === 0
            ? h('p', { class: 'muted' }, 'No exercise done by enough couples yet.')
            : h('ul', { class: 'research-counts' }, entries.map(([exercise, count]) =>
                h('li', {}, h('span', {}, exerciseLabel(exercise)), h('strong', {}, numbers.format(count))))));
}

/** Where a mean percentage falls against the two reference figures. */
function bandOf(percent, reference) {
    if (percent >= reference.stayedTogetherPercent) {
        return 'stayed-together';
    }
    return percent < reference.divorcedPercent ? 'below-divorced' : 'between';
}
