// Across all couples Duet ever held: counts, couples by the phases they reached, bids turned toward
// against the research reference, and sessions by exercise. No couple is named, nothing shows for fewer
// than five couples, and an erasure changes no figure here (the counts outlive whose they were).
import { query } from '../api.js';
import { fill, h } from '../dom.js';
import { onPress, problemBox } from '../forms.js';
import { bandLabel, phaseLabel, phases } from '../cycle/labels.js';
import { exerciseLabel } from '../exercise/guides.js';
import { lowerFirst } from '../words.js';
import { barChart, hiddenTable, referenceLegend, referenceScale } from './pictures.js';
import { shareWords } from '../cycle/blocks.js';
import { REFERENCE, numbers, showProblem } from './research.js';

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
        fill(body, cohortTiles(cohort), h('div', { class: 'grid two' }, phaseChart(cohort), towardFigure(cohort)),
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
        ['Bids turned away', total('bids.AWAY')],
        ['Bids turned against', total('bids.AGAINST')],
        ['Bids left unanswered', total('bids.MISSED')],
        ['Softenings voiced', total('softenings')],
        ['Re-engagements voiced', total('reengagements')],
        ['Resentments let go', total('resentmentsReleased')],
        ['Baby steps done', total('babySteps.done')],
        ['Check-points kept', shareWords(cohort.checkpointsKept, 'kept')],
        ['Appointments with the therapist', shareWords(cohort.attendance, 'attended')],
    ];
    return h('dl', { class: 'research-tiles' },
        tiles.map(([label, value]) => h('div', { class: 'research-tile' }, h('dt', {}, label), h('dd', {}, value))));
}

function phaseChart(cohort) {
    const known = phases().length ? phases() : Object.keys(cohort.reachedPhase ?? {});
    const rows = known.filter((phase) => cohort.reachedPhase?.[phase] != null)
        .map((phase) => ({ label: phaseLabel(phase), count: cohort.reachedPhase[phase] }));
    return h('section', { class: 'stack research-chart', 'aria-labelledby': 'phase-chart-title' },
        h('h3', { id: 'phase-chart-title' }, 'Couples who ever reached each phase'),
        barChart(rows, { id: 'phase-chart', title: 'Couples who ever reached each phase' }),
        hiddenTable('Couples who ever reached each phase', ['Phase', 'Couples'], rows.map((row) => [row.label, numbers.format(row.count)])),
        h('p', { class: 'hint' }, 'A phase fewer than five couples reached is left out.'));
}

function towardFigure(cohort) {
    const share = cohort.towardShare;
    return h('section', { class: 'stack research-toward', 'aria-labelledby': 'toward-title' },
        h('h3', { id: 'toward-title' }, 'Bids turned toward, of all answered or left unanswered'),
        share?.percent == null
            ? h('p', { class: 'muted' }, share == null ? 'Too few couples have settled bids to show this.' : shareWords(share, 'turned toward'))
            : h('p', {}, h('strong', { class: 'research-big' }, `${share.percent}%`),
                ` turned toward, likely between ${share.low}% and ${share.high}%: ${lowerFirst(bandLabel(bandOf(share, REFERENCE)) || 'the range reaches across a reference figure')}.`),
        share?.percent != null && referenceScale(share.percent),
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

/** The band the whole interval of a share lies in, as the service names a partner's; none when it reaches across a figure. */
function bandOf(share, reference) {
    if (share.low >= reference.stayedTogetherPercent) {
        return 'stayed-together';
    }
    if (share.high < reference.divorcedPercent) {
        return 'below-divorced';
    }
    return share.low >= reference.divorcedPercent && share.high < reference.stayedTogetherPercent ? 'between' : null;
}
