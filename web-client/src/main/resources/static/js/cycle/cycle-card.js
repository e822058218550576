// The couple's cycle state, followed live: the phase they are in (among the five), each partner's
// figures read against a research reference (never a diagnosis), how far apart their leans were over
// time, signs of commitment, resentments, the last turning points and the latest moments. It is built
// only from what both partners can see, and every figure can say what it is built from: its "Why?"
// lists the events behind it.
import { query } from '../api.js';
import { fill, h, renderList } from '../dom.js';
import { problemBox } from '../forms.js';
import { follow } from '../feed.js';
import { adherenceBlock, leanGapBlock, partnerBlock, phaseBlock, resentmentsBlock, sessionsBlock, timelineBlock, turnsBlock } from './blocks.js';
import { phaseLabel } from './labels.js';
import { trendsBlock } from './trends.js';
import { whyMaker } from './why.js';

const RETRY_MS = 30_000;        // a state not built yet is asked for again this often
const TIMELINE = 8;
const COMPACT = new Set(['phase', 'turns', 'timeline']);     // what a compact card keeps

/**
 * nameOf(partnerId): the names to show; without it "You" and "Your partner" (or "Partner 1" and "2" for an observer).
 * compact: only where they stand, the turning points and the latest moments, without the weeks (beside a live session).
 */
export function cycleCard({ coupleId, me, observer = false, announce, nameOf, compact = false }) {
    const status = h('p', { class: 'muted' }, 'Loading…');
    const box = problemBox();
    const blocks = h('div', { class: 'cycle-blocks' });
    // Week by week: asked for when the state's version moves, never pushed (it is a reading of the whole history).
    const trendsPath = `couples/${coupleId}/cycle-state/trends`;
    const trends = h('div', { class: 'cycle-trends', 'data-source': trendsPath });
    const el = h('section', { class: 'card stack cycle-card', 'aria-labelledby': 'cy-title' },
        h('h2', { id: 'cy-title' }, observer ? 'Their cycle' : 'Your cycle'),
        h('p', { class: 'hint' }, observer
            ? 'Built only from what both partners can see. Every figure can show what it rests on.'
            : 'Built only from what both of you can see: a mirror to talk about, never a verdict. Every figure can show what it rests on.'),
        compact && h('p', { class: 'hint' }, 'The whole picture, week by week, is on the couple’s page.'),
        status, box, blocks, compact ? null : trends);

    let shown = null;
    let trendsOf = null;
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
            { key: 'timeline', figures: latest(view.timeline).map((item) => item.figure).filter(Boolean),
                data: [latest(view.timeline), partnerIds.map(names.of)],
                render: () => timelineBlock(latest(view.timeline), { names, why }) },
        ].filter((part) => part && (!compact || COMPACT.has(part.key)));

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
        if (!compact && trendsOf !== view.version) {
            trendsOf = view.version;
            loadTrends(view.version);
        }
        if (shown && shown.phase !== view.phase) {
            announce(`${observer ? 'Their' : 'Your'} cycle moved to: ${phaseLabel(view.phase)}.`);
        }
        shown = view;
    }

    async function loadTrends(version) {
        try {
            const weekly = await query(trendsPath);
            if (version === trendsOf && !gone) {
                fill(trends, trendsBlock(weekly, { nameOf: names.of }));
            }
        } catch {
            // The trends are a reading of the state: if they cannot be had now, the next change asks again.
            trendsOf = null;
        }
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
