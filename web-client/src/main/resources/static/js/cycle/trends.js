// The cycle week by week, as small charts a therapist reads at a glance: bids turned toward per
// partner, the lean gap, warm and hard moments, check-points kept, and the phase each week ended in.
// Every chart is an SVG picture for the eye and a table of the same weekly figures for a screen
// reader (and for anyone who wants the numbers): the table is the truth, the picture a drawing of it.
import { h, named, svg } from '../dom.js';
import { phaseLabel } from './labels.js';

const WEEKS = 12;               // the charts draw the latest weeks; the API has them all
const [W, H, LEFT, RIGHT, TOP, BOTTOM] = [320, 120, 42, 8, 10, 22];

// A week starts on a Monday in UTC: its date is shown as that day, wherever the reader is.
const weekDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

function weekWords(weekOf) {
    return `Week of ${weekDay.format(new Date(`${weekOf}T00:00:00Z`))}`;
}

/** nameOf(partnerId) names a partner as the card does. */
export function trendsBlock(trends, { nameOf }) {
    const weeks = (trends?.weeks ?? []).slice(-WEEKS);
    const titleId = 'cy-trends-title';
    if (weeks.length === 0) {
        return h('section', { class: 'cycle-block trends-block', 'aria-labelledby': titleId },
            h('h3', { id: titleId }, 'Week by week'), h('p', { class: 'muted' }, 'Nothing to draw yet.'));
    }
    const partners = trends.partnerIds ?? [];
    return h('section', { class: 'cycle-block trends-block', 'aria-labelledby': titleId },
        h('h3', { id: titleId }, 'Week by week'),
        h('p', { class: 'hint' }, weeks.length === 1 ? 'One week so far: the charts grow a bar each week.'
            : `The last ${weeks.length} weeks, oldest on the left. Each chart has its numbers in a table below it.`),
        h('div', { class: 'trend-charts' },
            towardChart(weeks, partners, nameOf, trends.minimum),
            gapChart(weeks),
            momentsChart(weeks),
            checkpointsChart(weeks),
            phaseChart(weeks)));
}

/** A chart: its picture and its table, under one caption. */
function chart(key, title, picture, head, rows, note = null) {
    const id = `cy-trend-${key}`;
    return h('figure', { class: 'trend', 'data-trend': key, 'aria-labelledby': `${id}-caption` },
        h('figcaption', { id: `${id}-caption` }, title),
        picture,
        note && h('p', { class: 'hint' }, note),
        h('details', { class: 'trend-numbers' }, h('summary', {}, 'The numbers'),
            h('table', { class: 'trend-table' },
                h('thead', {}, h('tr', {}, head.map((cell) => h('th', { scope: 'col' }, cell)))),
                h('tbody', {}, rows.map(([weekOf, ...cells]) => h('tr', { 'data-week': weekOf },
                    h('th', { scope: 'row' }, weekWords(weekOf)),
                    cells.map(([text, value]) => h('td', { 'data-value': value ?? '' }, text))))))));
}

function picture(title, ...children) {
    return svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'trend-chart', role: 'img', 'aria-label': title }, children);
}

const x = (i, n) => LEFT + ((i + 0.5) * (W - LEFT - RIGHT)) / n;
const band = (n) => (W - LEFT - RIGHT) / n;
const y = (value, max) => TOP + (H - TOP - BOTTOM) * (1 - (max === 0 ? 0 : value / max));

function axis(weeks, max, label) {
    return [
        svg('line', { x1: LEFT, x2: W - RIGHT, y1: H - BOTTOM, y2: H - BOTTOM, class: 'trend-axis' }),
        svg('text', { x: LEFT - 4, y: TOP + 4, 'text-anchor': 'end', class: 'trend-label' }, String(label ?? max)),
        svg('text', { x: LEFT - 4, y: H - BOTTOM + 4, 'text-anchor': 'end', class: 'trend-label' }, '0'),
        weeks.map((week, i) => (weeks.length <= 6 || i % 2 === weeks.length % 2)
            && svg('text', { x: x(i, weeks.length), y: H - 6, 'text-anchor': 'middle', class: 'trend-label' },
                weekDay.format(new Date(`${week.weekOf}T00:00:00Z`)))),
    ];
}

/** Bars of bids settled per partner per week, the part turned toward filled in. */
function towardChart(weeks, partners, nameOf, minimum) {
    const max = Math.max(1, ...weeks.flatMap((w) => w.partners.map((p) => p.settled)));
    const slot = band(weeks.length) / Math.max(1, partners.length);
    const bars = weeks.flatMap((week, i) => week.partners.map((p, j) => {
        const left = LEFT + i * band(weeks.length) + j * slot + slot * 0.15;
        const width = slot * 0.7;
        return [
            svg('rect', { x: left, width, y: y(p.settled, max), height: H - BOTTOM - y(p.settled, max), class: `trend-bar partner-${j + 1} outline` }),
            svg('rect', { x: left, width, y: y(p.toward, max), height: H - BOTTOM - y(p.toward, max), class: `trend-bar partner-${j + 1}` }),
        ];
    }));
    const share = (p) => (p.towardShare?.percent == null ? `${p.toward} of ${p.settled}`
        : `${p.toward} of ${p.settled} (${p.towardShare.percent}%)`);
    return chart('toward', 'Bids turned toward, of those answered or missed',
        picture('Bids turned toward each week, per partner', axis(weeks, max), bars),
        ['Week', ...partners.map((id) => named`${nameOf(id)}: turned toward`)],
        weeks.map((week) => [week.weekOf, ...partners.map((id) => {
            const p = week.partners.find((each) => each.partnerId === id) ?? { toward: 0, settled: 0 };
            return [share(p), `${p.toward}/${p.settled}`];
        })]),
        `A share shows from ${minimum} bids in a week; below that, the counts. Outlined: answered or missed; filled: turned toward.`);
}

/** The week's mean lean gap: 0 the same lean, 2 far apart. */
function gapChart(weeks) {
    const points = weeks.map((week, i) => week.leanGap == null ? null : [x(i, weeks.length), y(week.leanGap, 2)]);
    const drawn = points.filter(Boolean);
    return chart('lean-gap', 'How far apart the leans were (0 the same, 2 far apart)',
        picture('The mean lean gap each week', axis(weeks, 2),
            drawn.length > 1 && svg('polyline', { points: drawn.map((p) => p.map((c) => c.toFixed(1)).join(',')).join(' '), class: 'trend-line' }),
            drawn.map(([cx, cy]) => svg('circle', { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 3.5, class: 'trend-dot' }))),
        ['Week', 'Lean gap'],
        weeks.map((week) => [week.weekOf, week.leanGap == null ? ['No check-ins both saw', null]
            : [`${week.leanGap} (${week.leanGapPoints} ${week.leanGapPoints === 1 ? 'point' : 'points'})`, week.leanGap]]));
}

function pairedBars(weeks, max, first, second) {
    const slot = band(weeks.length) / 2;
    return weeks.flatMap((week, i) => [[first(week), 'warm'], [second(week), 'hard']].map(([value, kind], j) => {
        const left = LEFT + i * band(weeks.length) + j * slot + slot * 0.15;
        return svg('rect', { x: left, width: slot * 0.7, y: y(value, max), height: H - BOTTOM - y(value, max), class: `trend-bar ${kind}` });
    }));
}

function momentsChart(weeks) {
    const max = Math.max(1, ...weeks.flatMap((w) => [w.warm, w.hard]));
    return chart('moments', 'Warm and hard moments',
        picture('Warm and hard moments each week', axis(weeks, max), pairedBars(weeks, max, (w) => w.warm, (w) => w.hard)),
        ['Week', 'Warm', 'Hard'],
        weeks.map((week) => [week.weekOf, [String(week.warm), week.warm], [String(week.hard), week.hard]]));
}

function checkpointsChart(weeks) {
    const max = Math.max(1, ...weeks.map((w) => w.checkpointsReviewed));
    return chart('checkpoints', 'Check-points kept (partly kept counts half)',
        picture('Check-points reviewed and kept each week', axis(weeks, max),
            pairedBars(weeks, max, (w) => w.checkpointsKept, (w) => w.checkpointsReviewed - w.checkpointsKept)),
        ['Week', 'Kept of reviewed'],
        weeks.map((week) => [week.weekOf, [`${week.checkpointsKept} of ${week.checkpointsReviewed}`,
            `${week.checkpointsKept}/${week.checkpointsReviewed}`]]));
}

const PHASE_LEVEL = { NOT_ENOUGH_YET: 0, ESCALATED: 1, DE_ESCALATING: 2, RE_ENGAGING: 3, SOFTENING: 3, CONNECTED: 4 };

/** The phase each week ended in, as a step line: higher is closer to connection; "not enough yet" sits at the floor, dashed. */
function phaseChart(weeks) {
    const cells = weeks.map((week, i) => svg('rect', { x: LEFT + i * band(weeks.length) + 1, width: band(weeks.length) - 2,
        y: y(PHASE_LEVEL[week.phase] ?? 0, 4), height: H - BOTTOM - y(PHASE_LEVEL[week.phase] ?? 0, 4) || 2,
        class: `trend-phase phase-${String(week.phase).toLowerCase().replaceAll('_', '-')}` }));
    return chart('phase', 'The phase at each week’s end',
        picture('The phase each week ended in; higher is closer to connection', axis(weeks, 4, 'closer'), cells),
        ['Week', 'Phase'],
        weeks.map((week) => [week.weekOf, [phaseLabel(week.phase), week.phase]]));
}
