// The cycle card's blocks, one per group of figures: the phase, each partner, the lean gap, keeping
// to what was agreed, resentments, turning points, sessions and the latest moments. Each names its
// figures as the labels do, and offers a "Why?" for those the state can explain.
import { h, named, svg, when } from '../dom.js';
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
    const w = view.window ?? {};
    const notYet = view.phase === 'NOT_ENOUGH_YET';
    return block('phase', observer ? 'Where they are now' : 'Where you are now',
        h('p', { class: 'phase-name' }, phaseLabel(view.phase), view.selfReported && h('span', { class: 'self-reported' }, ' (self-reported)')),
        h('p', {}, phaseAbout(view.phase)),
        notYet && needed(w, observer),
        ['SOFTENING', 'RE_ENGAGING', 'CONNECTED'].includes(view.phase) && !view.selfReported
            && h('p', { class: 'note' }, 'The turning points behind this were confirmed by the therapist.'),
        view.selfReported && h('p', { class: 'note' }, observer
            ? 'This rests on a turning point the couple reported themselves: no therapist has confirmed it.'
            : 'This rests on a turning point you reported yourselves. Without a therapist to confirm it, Duet takes your word for it.'),
        !view.hasTherapist && !observer && h('p', { class: 'hint' },
            'You have no therapist following your work: the turning points you voice count as self-reported, '
            + 'and “Connected” needs a therapist to have confirmed both turning points.'),
        w.to && h('p', { class: 'muted small' }, 'Judged on the days from ', day(w.from), ' to the latest moment, on ', day(w.to),
            `: ${plural(w.sessions, 'session')} together, ${plural(w.checkIns, 'check-in')}, ${plural(w.settledBids, 'bid')} answered or missed, `
            + `${w.warm} warm and ${w.hard} hard ${w.warm + w.hard === 1 ? 'moment' : 'moments'}.`),
        !notYet && view.phaseSince && h('p', { class: 'muted small' }, 'Since ', when(view.phaseSince)),
        h('ol', { class: 'phase-strip', 'aria-label': 'The phases' }, phases().map((key) =>
            h('li', { class: key === view.phase ? 'here' : null, 'aria-current': key === view.phase ? 'step' : null },
                phaseLabel(key), key === view.phase && h('span', { class: 'visually-hidden' }, ' (now)')))),
        h('p', { class: 'hint' }, 'Couples rarely move straight along: going back a step is part of the work.'),
        why('phase', 'the phase'));
}

/** What a judgement still needs, within the window's days. */
function needed(w, observer) {
    const missing = [
        w.sessionsNeeded > 0 && `${plural(w.sessionsNeeded, 'more session')} together, with both ${observer ? 'partners' : 'of you'} in it`,
        w.checkInsNeeded > 0 && `${plural(w.checkInsNeeded, 'more check-in')} from ${observer ? 'the partner' : 'whichever of you'} who checked in least`,
        w.settledBidsNeeded > 0 && `${plural(w.settledBidsNeeded, 'more bid')} answered (or left unanswered)`,
    ].filter(Boolean);
    const days = w.from && w.to ? Math.ceil((Date.parse(w.to) - Date.parse(w.from)) / 86_400_000) : 28;
    return h('div', { class: 'needed' }, h('p', {}, `What would change that, all within ${days} days:`),
        h('ul', {}, missing.map((item) => h('li', {}, item))));
}

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/** A <time> with the date only: the window is counted in whole days. */
function day(instant) {
    const date = new Date(instant);
    return h('time', { datetime: date.toISOString() }, dayFormat.format(date));
}

function plural(n, noun) {
    return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

/** A share as words: the percentage and where it likely lies once there is enough, the counts and what is missing before. */
export function shareWords(share, what) {
    if (share == null || share.of === 0) {
        return 'Nothing to count yet';
    }
    const count = Number.isInteger(share.count) ? share.count : share.count.toFixed(1);
    if (share.percent == null) {
        return `${count} of ${share.of} ${what} · a percentage shows after ${plural(share.needed, 'more')}`;
    }
    return `${share.percent}% ${what} (${count} of ${share.of}; likely between ${share.low}% and ${share.high}%)`;
}

export function partnerBlock(p, { reference, name, you, index, why }) {
    const id = p.partnerId;
    const inSentence = name === 'Your partner' ? 'your partner' : name;
    const whose = () => (you ? 'your' : named`${inSentence}’s`); // each place gets a <bdi> of its own
    const b = p.bids ?? {};
    const counts = `${b.toward ?? 0} toward · ${b.away ?? 0} away · ${b.against ?? 0} against · ${b.missed ?? 0} unanswered`
        + (b.open ? ` · ${b.open} still open` : '');
    const lean = p.lastLean ? `${leanLabel(p.lastLean)}, energy ${p.lastEnergy ?? '?'} of 10` : 'No lean shared yet';
    return block(`partner-${index + 1}`, name,
        h('dl', { class: 'figures' },
            figure(evidenceLabel('declared-role'), roleLabel(p.declaredRole), why(`declared-role:${id}`, [whose(), ' named role'])),
            figure(evidenceLabel('shown-role'), [roleLabel(p.shownRole),
                h('span', { class: 'muted small' }, ` · ${plural(p.pursuingMoves, 'move')} on the reaching-out side, `
                    + `${p.withdrawingMoves} on the stepping-back side`)],
            why(`shown-role:${id}`, [whose(), ' shown role'])),
            figure(you ? 'Bids made to you' : named`Bids made to ${inSentence}`, [shareWords(b.towardShare, 'turned toward'),
                h('span', { class: 'muted small' }, ` · ${counts}`)],
            why(`bids-toward:${id}`, you ? 'the bids you answered or left unanswered' : named`the bids ${inSentence} answered or left unanswered`)),
            figure('Last lean', lean)),
        towardBand(b, reference),
        h('p', { class: 'hint' }, 'The named role comes from the moves named in the loop; the shown role from what happened, '
            + 'read once there are enough moves. A bid left unanswered counts as a turn away, as in the research.'));
}

function figure(term, value, whyEl = null) {
    return h('div', { class: 'figure' }, h('dt', {}, term), h('dd', {}, value), whyEl && h('dd', { class: 'why-slot' }, whyEl));
}

/** Bids turned toward, with the range they likely lie in, drawn against the two research figures: a reference, never a diagnosis. */
function towardBand(bids, reference) {
    const share = bids.towardShare;
    if (share?.percent == null) {
        return null;
    }
    const stayed = reference?.stayedTogetherPercent ?? 86;
    const divorced = reference?.divorcedPercent ?? 33;
    const at = (el, percent, property = 'left') => {
        el.style[property] = `${Math.max(0, Math.min(100, percent))}%`;
        return el;
    };
    const range = at(h('span', { class: 'band-range' }), share.low);
    range.style.width = `${Math.max(1, share.high - share.low)}%`;
    return h('div', { class: 'band' },
        h('div', { class: 'band-bar', 'aria-hidden': 'true' },
            range,
            at(h('span', { class: 'band-point' }), share.percent),
            at(h('span', { class: 'band-mark' }, h('span', { class: 'band-mark-label' }, `${divorced}%`)), divorced),
            at(h('span', { class: 'band-mark' }, h('span', { class: 'band-mark-label' }, `${stayed}%`)), stayed)),
        h('p', {}, bids.referenceBand ? `${bandLabel(bids.referenceBand)}.`
            : `Somewhere between ${share.low}% and ${share.high}%: that range reaches across a reference figure, so no band is named yet.`,
        bids.referenceBand === 'below-divorced' && ' Turning toward can be learned, and it grows with practice.'),
        h('p', { class: 'hint' }, `The marks: ${divorced}%, couples who later divorced; ${stayed}%, couples who stayed together `
            + '(the share of bids they turned toward, in John Gottman’s research). The shaded range is where the share likely lies '
            + 'with this many bids. A reference, never a diagnosis.'));
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
    return block('adherence', evidenceLabel('adherence'),
        a ? h('dl', { class: 'figures' },
            figure('Check-points', [shareWords(a.checkpointsKept, 'kept'),
                h('span', { class: 'muted small' }, ' · partly kept counts half')]),
            figure('Homework', [shareWords(a.homeworkDone, 'of the parts done'),
                h('span', { class: 'muted small' }, ` · ${plural(a.homeworkSet, 'task')} set, each partner does their part`)]),
            figure('Appointments with the therapist', [shareWords(a.attendance, 'attended'),
                h('span', { class: 'muted small' }, ' · each partner counted')]),
            figure('Baby steps', shareWords(a.babyStepsDone, 'done when followed up')))
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
            move.confirmed ? 'confirmed by the therapist' : 'not confirmed by a therapist']
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

export function timelineBlock(items, { names, why }) {
    return block('timeline', 'Latest moments',
        items.length
            ? h('ol', { class: 'moments' }, items.map((item) => h('li', {}, moment(item, names), ' · ', when(item.at),
                item.figure && why(item.figure, 'this change of phase'))))
            : h('p', { class: 'muted' }, 'Nothing yet.'));
}

/** A moment in words: the partner as the card names them, "A partner" when the moment names none. */
function moment(item, names) {
    return momentWords(item, (id) => (id ? names.of(id) : 'A partner'));
}
