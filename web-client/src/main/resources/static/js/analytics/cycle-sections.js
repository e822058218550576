// One couple's cycle state on the research page, section by section: the phase, partners A and B,
// keeping to what was agreed, resentments, turning points, sessions, the lean gap and the latest
// moments, each figure named as the labels name it and with its "Why?".
import { h, when } from '../dom.js';
import { shareWords } from '../cycle/blocks.js';
import { bandLabel, evidenceLabel, leanLabel, momentWords, phaseAbout, phaseLabel, roleLabel } from '../cycle/labels.js';
import { exerciseLabel } from '../exercise/guides.js';
import { capital, lowerFirst } from '../words.js';
import { figure, hiddenTable, leanGapChart, referenceScale } from './pictures.js';
import { REFERENCE, partnerWords } from './research.js';

const LATEST_MOMENTS = 12;

export function cycleSections(view, why) {
    return [
        phaseSection(view, why),
        partnersSection(view, why),
        h('div', { class: 'grid two' }, adherenceSection(view, why), resentmentsSection(view, why)),
        turningPointsSection(view, why),
        sessionsSection(view, why),
        leanGapSection(view, why),
        timelineSection(view),
    ];
}

function block(id, title, ...children) {
    return h('section', { class: 'stack research-block', 'aria-labelledby': id }, h('h3', { id }, title), children);
}

function phaseSection(view, why) {
    return block('detail-phase', 'Phase',
        h('p', { class: 'research-phase' },
            h('strong', {}, phaseLabel(view.phase)),
            view.phaseSince && h('span', { class: 'muted' }, ' since ', when(view.phaseSince))),
        h('p', {}, phaseAbout(view.phase)),
        why('phase', 'the phase'));
}

function partnersSection(view, why) {
    const reference = view.reference ?? REFERENCE;
    return block('detail-partners', 'Partners A and B',
        h('p', { class: 'hint' }, 'Partner A opened the couple and partner B joined. Bids turned toward are read against ',
            `about ${reference.divorcedPercent}% and about ${reference.stayedTogetherPercent}%: a reference, not a diagnosis.`),
        h('div', { class: 'grid two' }, (view.partners ?? []).map((partner) => partnerFigures(partner, reference, why))));
}

function partnerFigures(partner, reference, why) {
    const id = partner.partnerId;
    const who = `partner ${id}`;
    const lean = partner.lastLean
        ? `${leanLabel(partner.lastLean)}${partner.lastEnergy != null ? `, energy ${partner.lastEnergy} of 10` : ''}`
        : 'No check-in shared yet';
    return h('section', { class: 'research-partner stack', 'aria-labelledby': `partner-${id}-title` },
        h('h4', { id: `partner-${id}-title` }, `Partner ${id}`),
        h('dl', { class: 'research-dl' },
            figure(evidenceLabel('declared-role'), roleLabel(partner.declaredRole),
                why(`declared-role:${id}`, `${who}’s named role`)),
            figure(evidenceLabel('shown-role'), roleLabel(partner.shownRole),
                h('span', { class: 'muted small' }, ` (${partner.pursuingMoves} pursuing, ${partner.withdrawingMoves} withdrawing moves)`),
                why(`shown-role:${id}`, `${who}’s role as shown`)),
            figure(evidenceLabel('bids-toward'), towardWords(partner),
                partner.bids?.towardShare?.percent != null && referenceScale(partner.bids.towardShare.percent, reference),
                why(`bids-toward:${id}`, `bids turned toward by ${who}`)),
            figure('Last lean', lean)));
}

function towardWords(partner) {
    const bids = partner.bids ?? {};
    const band = bandLabel(bids.referenceBand);
    return `${shareWords(bids.towardShare, 'turned toward')} (${bids.missed ?? 0} unanswered)${band ? `, ${lowerFirst(band)}` : ''}`;
}

function adherenceSection(view, why) {
    const a = view.adherence ?? {};
    return block('detail-adherence', evidenceLabel('adherence'),
        h('dl', { class: 'research-dl' },
            figure('Check-points', shareWords(a.checkpointsKept, 'kept')),
            figure('Homework', shareWords(a.homeworkDone, 'of the parts done'), h('span', { class: 'muted small' }, ` (${a.homeworkSet ?? 0} set)`)),
            figure('Therapy sessions', shareWords(a.attendance, 'attended')),
            figure('Baby steps', shareWords(a.babyStepsDone, 'done when followed up'))),
        why('adherence', 'keeping to what was agreed'));
}

function resentmentsSection(view, why) {
    return block('detail-resentments', evidenceLabel('resentments'),
        h('dl', { class: 'research-dl' },
            figure('Still open', String(view.resentmentsOpen ?? 0)),
            figure('Let go together', String(view.resentmentsReleased ?? 0))),
        why('resentments', 'resentments'));
}

function turningPointsSection(view, why) {
    return block('detail-turning', 'Last turning points',
        h('dl', { class: 'research-dl' },
            figure(evidenceLabel('last-softening'), moveWords(view.lastSoftening), why('last-softening', 'the last softening')),
            figure(evidenceLabel('last-reengagement'), moveWords(view.lastReengagement), why('last-reengagement', 'the last re-engagement'))));
}

function moveWords(move) {
    if (!move) {
        return 'None yet';
    }
    return h('span', {},
        capital(partnerWords(move.partnerId) ?? 'a partner'),
        move.sessionId && [' in ', h('code', {}, move.sessionId)],
        ', ', when(move.at),
        move.confirmed ? ', confirmed by the therapist' : ', not confirmed by a therapist');
}

function sessionsSection(view, why) {
    const sessions = view.sessions ?? [];
    return block('detail-sessions', 'Warm and hard moments per session',
        sessions.length === 0
            ? h('p', { class: 'muted' }, 'No sessions yet.')
            : h('ul', { class: 'research-sessions' }, sessions.map((session) => h('li', {},
                h('p', {}, h('code', {}, session.sessionId), ' · ', exerciseLabel(session.exercise)),
                h('p', { class: 'small' }, `${session.positive} warm, ${session.negative} hard`),
                why(`session-ratio:${session.sessionId}`, `the moments in session ${session.sessionId}`)))));
}

function leanGapSection(view, why) {
    const points = view.leanGap ?? [];
    return block('detail-lean-gap', evidenceLabel('lean-gap'),
        h('p', { class: 'hint' }, 'After each check-in both partners shared: 0 when they lean alike, up to 2 when one leans in while the other leans out.'),
        points.length === 0
            ? h('p', { class: 'muted' }, 'No check-in shared by both yet.')
            : [
                leanGapChart(points),
                h('p', { class: 'muted small' }, points.length === 1 ? ['One check-in, ', when(points[0].at)]
                    : ['From ', when(points[0].at), ' to ', when(points.at(-1).at)]),
                hiddenTable('Lean gap after each check-in', ['Check-in', 'Gap, 0 to 2'], points.map((p) => [when(p.at), String(p.gap)])),
            ],
        why('lean-gap', 'the lean gap'));
}

function timelineSection(view) {
    const latest = [...(view.timeline ?? [])].reverse().slice(0, LATEST_MOMENTS);
    return block('detail-timeline', 'Latest moments',
        h('p', { class: 'hint' }, 'The newest first. Only what both partners could see counts.'),
        latest.length === 0
            ? h('p', { class: 'muted' }, 'Nothing has happened yet.')
            : h('ol', { class: 'research-timeline' }, latest.map((item) => h('li', {},
                h('span', {}, momentWords(item, (id) => capital(partnerWords(id) ?? 'a partner'))),
                item.sessionId && h('span', { class: 'muted small' }, ' in ', h('code', {}, item.sessionId)),
                h('span', { class: 'muted small' }, ' · ', when(item.at))))));
}
