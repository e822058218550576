// The couple's cycle state, followed live: the phase they are in (among the five), each partner's
// figures read against a research reference (never a diagnosis), how far apart their leans were over
// time, signs of commitment, resentments, the last turning points and the latest moments. It is built
// only from what both partners can see, and every figure can say what it is built from: its "Why?"
// lists the events behind it.
import { query } from '../api.js';
import { fill, h, renderList, when } from '../dom.js';
import { onPress, problemBox } from '../forms.js';
import { follow } from '../feed.js';
import { exerciseLabel } from '../words.js';
import { LEANS } from './everyday.js';

const SVG = 'http://www.w3.org/2000/svg';
const RETRY_MS = 30_000;        // a state not built yet is asked for again this often
const TIMELINE = 8;
const CHART_POINTS = 24;

export const PHASES = {
    ESCALATED: { label: 'Caught in the loop',
        about: 'The loop is running the show for now: hard moments outweigh warm ones. This is where most couples begin.' },
    DE_ESCALATING: { label: 'Calming the loop',
        about: 'The loop is loosening: both partners have named their side of it, or warm moments now outweigh hard ones.' },
    RE_ENGAGING: { label: 'Reaching back in',
        about: 'The partner who tends to step back has reached in and let the other closer.' },
    SOFTENING: { label: 'Softening',
        about: 'The partner who tends to reach out has shown the softer longing beneath the protest.' },
    CONNECTED: { label: 'Connected',
        about: 'Both turning points have happened, and warm moments far outweigh hard ones.' },
};

const ROLES = { PURSUER: 'Reaches out (pursuer)', WITHDRAWER: 'Steps back (withdrawer)', UNCLEAR: 'Not clear yet' };

const BANDS = {
    'near-stayed-together': 'Close to the figure for couples who stayed together.',
    between: 'Between the two reference figures.',
    'near-divorced': 'Nearer the lower reference figure. Turning toward can be learned, and it grows with practice.',
};

const GAPS = ['the same lean', 'a step apart', 'far apart'];

/** nameOf(partnerId): the names to show; without it "You" and "Your partner" (or "Partner 1" and "2" for an observer). */
export function cycleCard({ coupleId, me, observer = false, announce, nameOf }) {
    const status = h('p', { class: 'muted' }, 'Loading…');
    const box = problemBox();
    const blocks = h('div', { class: 'cycle-blocks' });
    const el = h('section', { class: 'card stack cycle-card', 'aria-labelledby': 'cy-title' },
        h('h2', { id: 'cy-title' }, observer ? 'Their cycle' : 'Your cycle'),
        h('p', { class: 'hint' }, observer
            ? 'Built only from what both partners can see. Every figure can show what it rests on.'
            : 'Built only from what both of you can see: a mirror to talk about, never a verdict. Every figure can show what it rests on.'),
        status, box, blocks);

    let shown = null;
    let partnerIds = [];
    let retry = null;
    let gone = false;

    const names = {
        of(id) {
            const given = id && nameOf?.(id);
            if (given) {
                return given;
            }
            if (me) {
                return id === me ? 'You' : 'Your partner';
            }
            const n = partnerIds.indexOf(id);
            return partnerIds.length > 1 && n >= 0 ? `Partner ${n + 1}` : 'Partner';
        },
        you: (id) => Boolean(me) && id === me,
    };

    const feed = follow({
        topic: `/topic/cycles.${coupleId}`,
        path: `couples/${coupleId}/cycle-state`,
        onView: (view) => {
            clearTimeout(retry);
            render(view);
        },
        onError: (problem) => notShown(problem),
        onGone: (problem) => {
            gone = true;
            notShown(problem);
        },
    });

    function notShown(problem) {
        const words = gone ? 'This is no longer shown here.'
            : problem.status === 404 ? `Nothing to show yet. The picture fills in as ${observer ? 'the couple uses' : 'the two of you use'} Duet.`
                : problem.status === 403 ? 'This is not shared with you.' : null;
        if (words) {
            fill(blocks);
            status.textContent = words;
            status.hidden = false;
            box.hidden = true;
            // Not built yet: asked for again now and then; once it is there it is followed live.
            if (!gone && problem.status === 404) {
                clearTimeout(retry);
                retry = setTimeout(() => feed.refresh(), RETRY_MS);
            }
        } else if (!shown) {
            status.hidden = true;
            box.textContent = `This could not be loaded just now. ${problem.message}`;
            box.hidden = false;
        }
    }

    function render(view) {
        partnerIds = (view.partners ?? []).map((p) => p.partnerId);
        status.hidden = true;
        box.hidden = true;
        const figures = new Set(view.figures ?? []);
        const why = whyMaker(coupleId, figures);
        const who = (p) => [names.of(p.partnerId), names.you(p.partnerId)];
        const parts = [
            { key: 'phase', figures: ['phase'], data: [view.phase, view.phaseSince],
                render: () => phaseBlock(view, { why, observer }) },
            ...(view.partners ?? []).map((p, i) => ({ key: `partner:${p.partnerId}`, data: [p, view.reference, who(p)],
                figures: [`declared-role:${p.partnerId}`, `shown-role:${p.partnerId}`, `bids-toward:${p.partnerId}`],
                render: () => partnerBlock(p, { reference: view.reference, name: names.of(p.partnerId), you: names.you(p.partnerId), index: i, why }) })),
            { key: 'lean-gap', figures: ['lean-gap'], data: view.leanGap, render: () => leanGapBlock(view.leanGap ?? [], { why }) },
            { key: 'adherence', figures: ['adherence'], data: view.adherence, render: () => adherenceBlock(view.adherence, { why }) },
            { key: 'resentments', figures: ['resentments'], data: [view.resentmentsOpen, view.resentmentsReleased],
                render: () => resentmentsBlock(view, { why }) },
            { key: 'turns', figures: ['last-softening', 'last-reengagement'], data: [view.lastSoftening, view.lastReengagement, partnerIds.map(names.of)],
                render: () => turnsBlock(view, { why, names }) },
            view.sessions?.length && { key: 'sessions', figures: view.sessions.map((s) => `session-ratio:${s.sessionId}`), data: view.sessions,
                render: () => sessionsBlock(view.sessions, { why }) },
            { key: 'timeline', figures: [], data: [latest(view.timeline), partnerIds.map(names.of)],
                render: () => timelineBlock(latest(view.timeline), { names }) },
        ].filter(Boolean);

        // A push rebuilds only the blocks whose figures changed; a "Why?" that had the focus keeps it.
        const focused = blocks.contains(document.activeElement) ? document.activeElement.dataset.figure : null;
        renderList(blocks, parts, {
            key: (part) => part.key,
            signature: (part) => JSON.stringify([part.data, part.figures.map((f) => figures.has(f))]),
            render: (part) => part.render(),
        });
        if (focused && !blocks.contains(document.activeElement)) {
            blocks.querySelector(`[data-figure="${CSS.escape(focused)}"]`)?.focus();
        }
        if (shown && shown.phase !== view.phase) {
            announce(`${observer ? 'Their' : 'Your'} cycle moved to: ${PHASES[view.phase]?.label ?? view.phase}.`);
        }
        shown = view;
    }

    return {
        el,
        stop() {
            clearTimeout(retry);
            feed.stop();
        },
    };
}

/** The latest moments, newest first. */
function latest(timeline) {
    return [...(timeline ?? [])].sort((a, b) => String(b.at).localeCompare(String(a.at))).slice(0, TIMELINE);
}

// --- the blocks ----------------------------------------------------------------------------------

function block(key, title, ...children) {
    const titleId = `cy-${key}-title`;
    return h('section', { class: `cycle-block ${key}-block`, 'aria-labelledby': titleId }, h('h3', { id: titleId }, title), children);
}

function phaseBlock(view, { why, observer }) {
    const phase = PHASES[view.phase] ?? { label: view.phase, about: '' };
    return block('phase', observer ? 'Where they are now' : 'Where you are now',
        h('p', { class: 'phase-name' }, phase.label),
        h('p', {}, phase.about),
        view.phaseSince && h('p', { class: 'muted small' }, 'Since ', when(view.phaseSince)),
        h('ol', { class: 'phase-strip', 'aria-label': 'The five phases' }, Object.entries(PHASES).map(([key, p]) =>
            h('li', { class: key === view.phase ? 'here' : null, 'aria-current': key === view.phase ? 'step' : null },
                p.label, key === view.phase && h('span', { class: 'visually-hidden' }, ' (now)')))),
        h('p', { class: 'hint' }, 'Couples rarely move straight along: going back a step is part of the work.'),
        why('phase', 'the phase'));
}

function partnerBlock(p, { reference, name, you, index, why }) {
    const id = p.partnerId;
    const inSentence = name === 'Your partner' ? 'your partner' : name;
    const whose = you ? 'your' : `${inSentence}’s`;
    const toward = p.towardPercent == null
        ? 'No bids answered yet'
        : `${p.towardPercent}% (${p.bidsTurnedToward} of ${p.bidsAnswered})`;
    const lean = p.lastLean ? `${LEANS[p.lastLean]?.label ?? p.lastLean}, energy ${p.lastEnergy ?? '?'} of 10` : 'No lean shared yet';
    return block(`partner-${index + 1}`, name,
        h('dl', { class: 'figures' },
            figure('Named role', ROLES[p.declaredRole] ?? ROLES.UNCLEAR, why(`declared-role:${id}`, `${whose} named role`)),
            figure('Role shown in what happens', [ROLES[p.shownRole] ?? ROLES.UNCLEAR,
                h('span', { class: 'muted small' }, ` · moves: ${p.pursuingMoves} reaching out, ${p.withdrawingMoves} stepping back`)],
            why(`shown-role:${id}`, `${whose} shown role`)),
            figure('Bids turned toward', toward, why(`bids-toward:${id}`, `the share of bids ${you ? 'you' : inSentence} turned toward`)),
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
        h('p', {}, BANDS[p.referenceBand] ?? ''),
        h('p', { class: 'hint' }, `The marks: ${divorced}%, couples who later divorced; ${stayed}%, couples who stayed together `
            + '(the share of bids they turned toward, in John Gottman’s research). A reference, never a diagnosis.'));
}

function leanGapBlock(points, { why }) {
    if (points.length === 0) {
        return block('lean-gap', 'How far apart the leans were',
            h('p', { class: 'muted' }, 'No leans to compare yet. Each check-in that both can see adds a point.'), why('lean-gap', 'the lean gap'));
    }
    const shown = points.slice(-CHART_POINTS);
    const summary = gapSummary(shown);
    return block('lean-gap', 'How far apart the leans were',
        h('p', { class: 'hint' }, 'After each check-in: the distance between the two latest leans (in, back or out).'),
        gapChart(shown, summary),
        h('p', {}, 'Latest: ', GAPS[shown.at(-1).gap] ?? `${shown.at(-1).gap} apart`, ', ', when(shown.at(-1).at), '. ', summary),
        why('lean-gap', 'the lean gap'));
}

function gapSummary(points) {
    const counts = [0, 1, 2].map((gap) => points.filter((p) => p.gap === gap).length);
    const parts = counts.map((n, gap) => n && `${GAPS[gap]} ${times(n)}`).filter(Boolean);
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
    GAPS.map((words, gap) => [
        svg('line', { x1: left, x2: width - right, y1: y(gap), y2: y(gap), class: 'gap-grid' }),
        svg('text', { x: left - 8, y: y(gap) + 4, 'text-anchor': 'end', class: 'gap-label' }, words),
    ]),
    points.length > 1 && svg('polyline', { points: coords.map((c) => c.join(',')).join(' '), class: 'gap-line' }),
    coords.map(([cx, cy]) => svg('circle', { cx, cy, r: 3.5, class: 'gap-dot' })));
}

function svg(tag, attributes = {}, ...children) {
    const el = document.createElementNS(SVG, tag);
    Object.entries(attributes).forEach(([name, value]) => value != null && el.setAttribute(name, String(value)));
    el.append(...children.flat(Infinity).filter((child) => child != null && child !== false));
    return el;
}

function adherenceBlock(a, { why }) {
    const percent = (value, words) => (value == null ? 'Nothing to count yet' : `${value}% ${words}`);
    return block('adherence', 'Keeping to what was agreed',
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

function resentmentsBlock(view, { why }) {
    return block('resentments', 'Resentments',
        h('dl', { class: 'figures' },
            figure('Waiting to be let go', String(view.resentmentsOpen ?? 0)),
            figure('Let go', String(view.resentmentsReleased ?? 0))),
        h('p', { class: 'hint' }, 'A resentment is let go once both agree to a let-go pact in a session.'),
        why('resentments', 'the resentments'));
}

function turnsBlock(view, { why, names }) {
    const turn = (move) => (move
        ? [names.of(move.partnerId), ' · ', when(move.at), ' · ',
            move.confirmed ? 'confirmed by the therapist' : 'not confirmed by the therapist (yet)']
        : 'Not yet');
    return block('turns', 'Turning points',
        h('dl', { class: 'figures' },
            figure('Last softening', turn(view.lastSoftening), why('last-softening', 'the last softening')),
            figure('Last re-engagement', turn(view.lastReengagement), why('last-reengagement', 'the last re-engagement'))),
        h('p', { class: 'hint' }, 'A softening: the one who tends to reach out shows the softer need beneath. '
            + 'A re-engagement: the one who tends to step back lets the other in.'));
}

function sessionsBlock(sessions, { why }) {
    const recent = sessions.slice(-5).reverse();
    return block('sessions', 'Warm and hard moments per session',
        h('ul', { class: 'session-ratios' }, recent.map((s, i) => h('li', {},
            h('span', {}, h('strong', {}, exerciseLabel(s.exercise)), `: ${s.positive} warm, ${s.negative} hard`),
            why(`session-ratio:${s.sessionId}`, `the moments of ${i === 0 ? 'the latest' : 'this'} ${exerciseLabel(s.exercise)} session`)))));
}

function timelineBlock(items, { names }) {
    return block('timeline', 'Latest moments',
        items.length
            ? h('ol', { class: 'moments' }, items.map((item) => h('li', {}, moment(item, names), ' · ', when(item.at))))
            : h('p', { class: 'muted' }, 'Nothing yet.'));
}

// --- words ---------------------------------------------------------------------------------------

const their = (you) => (you ? 'your' : 'their');

const MOMENTS = {
    paired: (n) => `${n} joined the couple`,
    'session-started': (n) => `${n} started a session`,
    'bid-made': (n) => `${n} made a bid`,
    'bid-turned-toward': (n) => `${n} turned toward a bid`,
    'bid-turned-away': (n) => `${n} turned away from a bid`,
    'bid-turned-against': (n) => `${n} turned against a bid`,
    softening: (n) => `${n} softened`,
    're-engagement': (n) => `${n} reached back in`,
    'change-event-confirmed': (n, you) => `The therapist confirmed ${you ? 'your' : `${n}’s`} turning point`,
    appreciation: (n) => `${n} shared an appreciation`,
    'baby-step-committed': (n) => `${n} committed to a baby step`,
    'let-go-proposed': (n) => `${n} offered to let a resentment go`,
    'resentment-released': () => 'A resentment was let go',
    'homework-done': (n, you) => `${n} did ${their(you)} part of the homework`,
    'checkpoint-kept': () => 'A check-point was kept',
    'checkpoint-partly-kept': () => 'A check-point was partly kept',
    'checkpoint-missed': () => 'A check-point was missed',
    'session-missed': (n) => `${n} missed a therapy session`,
    'named-their-side': (n, you) => `${n} named ${their(you)} side of the loop`,
    'leaned-in': (n) => `${n} leaned in`,
    'leaned-back': (n) => `${n} leaned back`,
    'leaned-out': (n) => `${n} leaned out`,
};

function moment(item, names) {
    const kind = item.kind ?? '';
    if (kind.startsWith('phase-')) {
        const phase = PHASES[kind.slice('phase-'.length).toUpperCase().replace(/-/g, '_')];
        return `Moved to: ${phase?.label ?? kind.slice('phase-'.length).replace(/-/g, ' ')}`;
    }
    const n = item.partnerId ? names.of(item.partnerId) : 'A partner';
    return MOMENTS[kind]?.(n, names.you(item.partnerId)) ?? `${n}: ${kind.replace(/-/g, ' ')}`;
}

const EVENTS = {
    CoupleCreated: 'The couple began',
    PartnerJoinedCouple: 'A partner joined',
    SessionStarted: 'A session started',
    BidMade: 'A bid in a session',
    EverydayBidMade: 'A bid between sessions',
    BidAnswered: 'A bid answered in a session',
    EverydayBidAnswered: 'A bid answered between sessions',
    CycleLinkRecorded: 'A part of the loop written down',
    EntryShared: 'A note shared',
    AnswersRevealed: 'Answers shown to both',
    LeanCheckedIn: 'A lean check-in',
    BlamerSoftened: 'A softening',
    WithdrawerReengaged: 'A re-engagement',
    ChangeEventConfirmed: 'A turning point confirmed by the therapist',
    AppreciationExpressed: 'An appreciation',
    BabyStepCommitted: 'A baby step committed to',
    LetGoProposed: 'An offer to let a resentment go',
    ResentmentReleased: 'A resentment let go',
    HomeworkSet: 'Homework set',
    HomeworkDone: 'Homework done',
    CheckpointReviewed: 'A check-point reviewed',
    SessionAttended: 'A therapy session attended',
    SessionMissed: 'A therapy session missed',
};

/** An event's type in words; one not listed here is spelled out from its name ("SomeThing" -> "Some thing"). */
function eventWords(type = '') {
    return EVENTS[type] ?? (type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (c) => c.toUpperCase()) || 'An event');
}

/**
 * A "Why?" for one figure, when the state names it: pressed, it opens a list of the events behind the
 * figure, fetched then (they are never pushed), and pressed again it closes.
 */
function whyMaker(coupleId, figures) {
    return (figureName, label) => {
        if (!figures.has(figureName)) {
            return null;
        }
        const panelId = `cy-why-${figureName.replace(/[^\w-]/g, '-')}`;
        const button = h('button', { class: 'button quiet why-button', type: 'button', 'aria-expanded': 'false', 'aria-controls': panelId,
            'data-figure': figureName }, 'Why?', h('span', { class: 'visually-hidden' }, ` What ${label} rests on`));
        const list = h('ol', { class: 'evidence' });
        const panel = h('div', { class: 'why-panel', id: panelId, hidden: true },
            h('p', { class: 'hint' }, `What ${label} rests on, in the order it happened:`), list);
        const box = problemBox();
        onPress(button, box, async () => {
            const open = button.getAttribute('aria-expanded') !== 'true';
            button.setAttribute('aria-expanded', String(open));
            panel.hidden = !open;
            if (!open) {
                return;
            }
            fill(list, h('li', { class: 'muted' }, 'Loading…'));
            try {
                const events = (await query(`couples/${coupleId}/cycle-state/evidence/${encodeURIComponent(figureName)}`)) ?? [];
                fill(list, events.length
                    ? events.map((e) => h('li', {}, eventWords(e.type), ' · ', when(e.at)))
                    : h('li', { class: 'muted' }, 'Nothing recorded.'));
            } catch (problem) {
                button.setAttribute('aria-expanded', 'false');
                panel.hidden = true;
                throw problem;
            }
        });
        return h('div', { class: 'why' }, button, panel, box);
    };
}
