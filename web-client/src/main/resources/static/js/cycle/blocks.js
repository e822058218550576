// The cycle card's blocks, one per group of figures: the phase, each partner, the lean gap, keeping
// to what was agreed, resentments, turning points, sessions and the latest moments. Each names its
// figures as the labels do, and offers a "Why?" for those the state can explain.
import { h, svg, when } from '../dom.js';
import { exerciseLabel } from '../exercise/guides.js';
import { lowerFirst } from '../words.js';
import { bandLabel, evidenceLabel, gapLabel, leanLabel, momentWords, phaseAbout, phaseLabel, phases, roleLabel } from './labels.js';

const CHART_POINTS = 24;
const GAPS = [0, 1, 2];         // the same lean, a step apart, far apart

function block(key, title, ...children) {
    const titleId = `cy-${key}-title`;
    return h('section', { class: `cycle-block ${key}-block`, 'aria-labelledby': titleId }, h('h3', { id: titleId }, title), children);
}

export function phaseBlock(view, { why, observer }) {
    return block('phase', observer ? 'Where they are now' : 'Where you are now',
        h('p', { class: 'phase-name' }, phaseLabel(view.phase)),
        h('p', {}, phaseAbout(view.phase)),
        view.phaseSince && h('p', { class: 'muted small' }, 'Since ', when(view.phaseSince)),
        h('ol', { class: 'phase-strip', 'aria-label': 'The five phases' }, phases().map((key) =>
            h('li', { class: key === view.phase ? 'here' : null, 'aria-current': key === view.phase ? 'step' : null },
                phaseLabel(key), key === view.phase && h('span', { class: 'visually-hidden' }, ' (now)')))),
        h('p', { class: 'hint' }, 'Couples rarely move straight along: going back a step is part of the work.'),
        why('phase', 'the phase'));
}

export function partnerBlock(p, { reference, name, you, index, why }) {
    const id = p.partnerId;
    const inSentence = name === 'Your partner' ? 'your partner' : name;
    const whose = you ? 'your' : `${inSentence}’s`;
    const toward = p.towardPercent == null
        ? 'No bids answered yet'
        : `${p.towardPercent}% (${p.bidsTurnedToward} of ${p.bidsAnswered})`;
    const lean = p.lastLean ? `${leanLabel(p.lastLean)}, energy ${p.lastEnergy ?? '?'} of 10` : 'No lean shared yet';
    return block(`partner-${index + 1}`, name,
        h('dl', { class: 'figures' },
            figure(evidenceLabel('declared-role'), roleLabel(p.declaredRole), why(`declared-role:${id}`, `${whose} named role`)),
            figure(evidenceLabel('shown-role'), [roleLabel(p.shownRole),
                h('span', { class: 'muted small' }, ` · moves: ${p.pursuingMoves} reaching out, ${p.withdrawingMoves} stepping back`)],
            why(`shown-role:${id}`, `${whose} shown role`)),
            figure(evidenceLabel('bids-toward'), toward, why(`bids-toward:${id}`, `the share of bids ${you ? 'you' : inSentence} turned toward`)),
            figure('Last lean', lean)),
        towardBand(p, reference),
        h('p', { class: 'hint' }, 'The named role comes from the moves named in the loop; the shown role from what happened.'));
}

function figure(term, value, whyEl = null) {
    return h('div', { class: 'figure' }, h('dt', {}, term), h('dd', {}, value), whyEl && h('dd', { class: 'why-slot' }, whyEl));
}

/** Bids turned toward drawn against the two research figures: a reference, never a diagnosis. */
function towardBand(p, reference) {
    if (p.towardPercent == null) {
        return null;
    }
    const stayed = reference?.stayedTogetherPercent ?? 86;
    const divorced = reference?.divorcedPercent ?? 33;
    const at = (el, percent, property = 'left') => {
        el.style[property] = `${Math.max(0, Math.min(100, percent))}%`;
        return el;
    };
    return h('div', { class: 'band' },
        h('div', { class: 'band-bar', 'aria-hidden': 'true' },
            at(h('span', { class: 'band-fill' }), p.towardPercent, 'width'),
            at(h('span', { class: 'band-mark' }, h('span', { class: 'band-mark-label' }, `${divorced}%`)), divorced),
            at(h('span', { class: 'band-mark' }, h('span', { class: 'band-mark-label' }, `${stayed}%`)), stayed)),
        h('p', {}, bandLabel(p.referenceBand), '.',
            p.referenceBand === 'near-divorced' && ' Turning toward can be learned, and it grows with practice.'),
        h('p', { class: 'hint' }, `The marks: ${divorced}%, couples who later divorced; ${stayed}%, couples who stayed together `
            + '(the share of bids they turned toward, in John Gottman’s research). A reference, never a diagnosis.'));
}

export function leanGapBlock(points, { why }) {
    if (points.length === 0) {
        return block('lean-gap', evidenceLabel('lean-gap'),
            h('p', { class: 'muted' }, 'No leans to compare yet. Each check-in that both can see adds a point.'), why('lean-gap', 'the lean gap'));
    }
    const shown = points.slice(-CHART_POINTS);
    const summary = gapSummary(shown);
    return block('lean-gap', evidenceLabel('lean-gap'),
        h('p', { class: 'hint' }, 'After each check-in: the distance between the two latest leans (in, back or out).'),
        gapChart(shown, summary),
        h('p', {}, 'Latest: ', lowerFirst(gapLabel(shown.at(-1).gap)), ', ', when(shown.at(-1).at), '. ', summary),
        why('lean-gap', 'the lean gap'));
}

function gapSummary(points) {
    const counts = GAPS.map((gap) => points.filter((p) => p.gap === gap).length);
    const parts = counts.map((n, gap) => n && `${lowerFirst(gapLabel(gap))} ${times(n)}`).filter(Boolean);
    return `Over the last ${points.length === 1 ? 'check-in' : `${points.length} check-ins`}: ${parts.join(', ')}.`;
}

function times(n) {
    return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** A small line chart: the same lean at the top, far apart at the bottom, one point per check-in. */
function gapChart(points, summary) {
    const [width, height, left, right, top, bottom] = [320, 110, 84, 10, 10, 10];
    const x = (i) => (points.length === 1 ? (left + width - right) / 2 : left + (i * (width - left - right)) / (points.length - 1));
    const y = (gap) => top + (gap * (height - top - bottom)) / 2;
    const coords = points.map((p, i) => [x(i).toFixed(1), y(p.gap).toFixed(1)]);
    return svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'gap-chart',
        'aria-labelledby': 'cy-gap-chart-title', 'aria-describedby': 'cy-gap-chart-desc' },
    svg('title', { id: 'cy-gap-chart-title' }, 'How far apart the leans were, check-in by check-in'),
    svg('desc', { id: 'cy-gap-chart-desc' }, summary),
    GAPS.map((gap) => [
        svg('line', { x1: left, x2: width - right, y1: y(gap), y2: y(gap), class: 'gap-grid' }),
        svg('text', { x: left - 8, y: y(gap) + 4, 'text-anchor': 'end', class: 'gap-label' }, lowerFirst(gapLabel(gap))),
    ]),
    points.length > 1 && svg('polyline', { points: coords.map((c) => c.join(',')).join(' '), class: 'gap-line' }),
    coords.map(([cx, cy]) => svg('circle', { cx, cy, r: 3.5, class: 'gap-dot' })));
}

export function adherenceBlock(a, { why }) {
    const percent = (value, words) => (value == null ? 'Nothing to count yet' : `${value}% ${words}`);
    return block('adherence', evidenceLabel('adherence'),
        a ? h('dl', { class: 'figures' },
            figure('Check-points', [percent(a.checkpointsPercent, 'kept'),
                h('span', { class: 'muted small' }, ` · ${a.checkpointsReviewed} reviewed, partly kept counts half`)]),
            figure('Homework', [percent(a.homeworkPercent, 'of the parts done'),
                h('span', { class: 'muted small' }, ` · ${a.homeworkSet} set, ${a.homeworkDone} parts done`)]),
            figure('Therapy sessions', [percent(a.attendancePercent, 'attended'),
                h('span', { class: 'muted small' }, ` · ${a.sessionsAttended} attended, ${a.sessionsMissed} missed, each partner counted`)]))
            : h('p', { class: 'muted' }, 'Nothing to count yet.'),
        why('adherence', 'keeping to what was agreed'));
}

export function resentmentsBlock(view, { why }) {
    return block('resentments', evidenceLabel('resentments'),
        h('dl', { class: 'figures' },
            figure('Waiting to be let go', String(view.resentmentsOpen ?? 0)),
            figure('Let go', String(view.resentmentsReleased ?? 0))),
        h('p', { class: 'hint' }, 'A resentment is let go once both agree to a let-go pact in a session.'),
        why('resentments', 'the resentments'));
}

export function turnsBlock(view, { why, names }) {
    const turn = (move) => (move
        ? [names.of(move.partnerId), ' · ', when(move.at), ' · ',
            move.confirmed ? 'confirmed by the therapist' : 'not confirmed by the therapist (yet)']
        : 'Not yet');
    return block('turns', 'Turning points',
        h('dl', { class: 'figures' },
            figure(evidenceLabel('last-softening'), turn(view.lastSoftening), why('last-softening', 'the last softening')),
            figure(evidenceLabel('last-reengagement'), turn(view.lastReengagement), why('last-reengagement', 'the last re-engagement'))),
        h('p', { class: 'hint' }, 'A softening: the one who tends to reach out shows the softer need beneath. '
            + 'A re-engagement: the one who tends to step back lets the other in.'));
}

export function sessionsBlock(sessions, { why }) {
    const recent = sessions.slice(-5).reverse();
    return block('sessions', 'Warm and hard moments per session',
        h('ul', { class: 'session-ratios' }, recent.map((s, i) => h('li', {},
            h('span', {}, h('strong', {}, exerciseLabel(s.exercise)), `: ${s.positive} warm, ${s.negative} hard`),
            why(`session-ratio:${s.sessionId}`, `the moments of ${i === 0 ? 'the latest' : 'this'} ${exerciseLabel(s.exercise)} session`)))));
}

export function timelineBlock(items, { names }) {
    return block('timeline', 'Latest moments',
        items.length
            ? h('ol', { class: 'moments' }, items.map((item) => h('li', {}, moment(item, names), ' · ', when(item.at))))
            : h('p', { class: 'muted' }, 'Nothing yet.'));
}

/** A moment in words: the partner as the card names them, "A partner" when the moment names none. */
function moment(item, names) {
    return momentWords(item, (id) => (id ? names.of(id) : 'A partner'));
}
