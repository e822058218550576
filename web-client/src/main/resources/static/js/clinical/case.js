// One couple as their therapist sees it: their cycle state, live; their sessions (to observe live or
// look back on); the baby steps they committed to and how each went since; homework, commitments and
// attendance; the safety concerns a partner told the therapist, and the therapist's own private notes.
// The couple's view is kept current live; when consent ends, the page says so calmly and shows nothing
// more of theirs.
import { query } from '../api.js';
import { fill, h, named, namesJoined, renderList, when } from '../dom.js';
import { problemBox } from '../forms.js';
import { follow } from '../feed.js';
import { watch } from '../live.js';
import { exerciseLabel } from '../exercise/guides.js';
import { cycleCard } from '../cycle/cycle-card.js';
import { therapistFrameCard } from '../commitment/therapist-frame.js';
import { notesCard } from './notes.js';
import { babyStepsCard } from '../exercise/baby-steps.js';
import { partnerName } from '../words.js';


export function caseScreen({ coupleId, me, announce, onGone }) {
    const heading = h('h1', { tabindex: -1 }, 'Couple');
    const sessions = h('ul', { class: 'sessions' });
    const noSessions = h('p', { class: 'muted' }, 'No sessions yet.');

    const concerns = h('ol', { class: 'concerns', 'aria-labelledby': 'concerns-title' });
    const noConcerns = h('p', { class: 'muted' }, 'No safety concerns.');
    const concernsCard = h('section', { class: 'card stack concerns-card', 'aria-labelledby': 'concerns-title' },
        h('h2', { id: 'concerns-title' }, 'Safety concerns'),
        h('p', { class: 'hint' }, 'Only you receive these. The other partner is not told that anything was sent, '
            + 'so take care that nothing in a joint session gives it away.'),
        noConcerns, concerns);

    const notesPart = notesCard({ coupleId, announce, onRefused: (problem) => (problem.status === 403 ? gone() : showProblem(problem)) });
    const loadProblem = problemBox();
    const cycle = cycleCard({ coupleId, observer: true, announce,
        nameOf: (id) => view?.partners.find((p) => p.partnerId === id)?.displayName });
    const frame = therapistFrameCard({ coupleId, announce });
    const babySteps = babyStepsCard({ announce, loadOlder: (list) => feed.loadOlder(list),
        nameOf: (id) => partnerName(view?.partners.find((p) => p.partnerId === id)?.displayName) });

    const el = h('div', { class: 'screen' },
        h('p', {}, h('a', { class: 'back', href: '#/caseload' }, '← Back to your couples')),
        h('section', { class: 'hero' }, heading,
            h('p', { class: 'lead' }, 'Their sessions, what a partner told you privately, and your own notes.')),
        loadProblem,
        h('div', { class: 'grid two' },
            h('div', { class: 'stack gap' },
                concernsCard,
                h('section', { class: 'card stack', 'aria-labelledby': 'case-sessions-title' },
                    h('h2', { id: 'case-sessions-title' }, 'Sessions'),
                    h('p', { class: 'hint' }, 'Opening a running session makes you its observer: the partners see that you are there.'),
                    noSessions, sessions)),
            notesPart.el),
        cycle.el,
        babySteps.el,
        frame.el);

    let view = null;
    let ended = false;

    const feed = follow({
        topic: `/topic/couples.${coupleId}`,
        path: `couples/${coupleId}`,
        onView: (next) => {
            const before = view;
            view = next;
            frame.update(next);
            babySteps.update(next, before);
            fill(heading, coupleNamesShown(next));
            document.title = `${coupleNames(next)} · Duet`;
            const ordered = [...(next.sessions ?? [])].sort((a, b) =>
                (a.status === 'RUNNING' ? 0 : 1) - (b.status === 'RUNNING' ? 0 : 1) || String(b.startedAt).localeCompare(String(a.startedAt)));
            noSessions.hidden = ordered.length > 0;
            renderList(sessions, ordered, { key: (s) => s.sessionId, render: (s) => h('li', {}, sessionLink(s)) });
            loadConcerns();
        },
        onGone: () => gone(),
        onError: (problem) => (problem.status === 403 ? gone() : showProblem(problem)),
    });

    async function loadConcerns() {
        try {
            const found = (await query(`couples/${coupleId}/safety-concerns`)) ?? [];
            const nameOf = (id) => view?.partners.find((p) => p.partnerId === id)?.displayName ?? 'A partner';
            noConcerns.hidden = found.length > 0;
            concernsCard.classList.toggle('raised', found.length > 0);
            renderList(concerns, [...found].sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt))), {
                key: (c) => c.concernId,
                render: (c) => h('li', { class: 'concern', tabindex: -1 },
                    h('p', { class: 'bid-head' }, h('strong', {}, named`From ${nameOf(c.partnerId)}`), ' · ', when(c.raisedAt)),
                    c.words ? h('p', { class: 'entry-text', dir: 'auto' }, c.words)
                        : h('p', { class: 'entry-text quiet' }, named`${nameOf(c.partnerId)} sent this without words: they would like you to reach out.`)),
            });
        } catch (problem) {
            problem.status === 403 ? gone() : showProblem(problem);
        }
    }

    function showProblem(problem) {
        loadProblem.textContent = problem.message;
        loadProblem.hidden = false;
    }

    function gone() {
        if (!ended) {
            ended = true;
            feed.stop();
            cycle.stop();
            onGone();
        }
    }

    notesPart.load();
    // A concern raised while this couple is open shows here at once, not at the next change of their view.
    const unwatchConcerns = me ? watch(`/topic/therapists.${me}`, (notice) => notice.concernId && notice.coupleId === coupleId && loadConcerns())
        : () => {};

    return {
        el, title: 'Couple',
        stop: () => {
            feed.stop();
            cycle.stop();
            unwatchConcerns();
        },
    };
}

export function coupleNames(view) {
    return view.partners.map((p) => partnerName(p.displayName)).join(' & ') || 'A couple';
}

/** The couple's names as a heading shows them, each isolated (named`…` in dom.js says why). */
export function coupleNamesShown(view) {
    return view.partners.length ? namesJoined(view.partners.map((p) => partnerName(p.displayName)), ' & ') : 'A couple';
}

/** A session as a line with the way in: watch it live while it runs, look back on it once it ended. */
export function sessionLink(session) {
    const running = session.status === 'RUNNING';
    const label = exerciseLabel(session.exercise);
    return h('div', { class: `session-item ${running ? 'running' : 'ended'}` },
        h('div', { class: 'session-text' },
            h('strong', {}, label),
            h('span', { class: `badge ${running ? 'live' : ''}` }, running ? 'Running now' : 'Ended'),
            h('span', { class: 'muted small' }, 'Started ', when(session.startedAt))),
        h('a', { class: `button ${running ? 'primary' : 'quiet'}`, href: `#/observing/${session.sessionId}`,
            'aria-label': `${running ? 'Watch' : 'Look back on'} ${label}` }, running ? 'Watch live' : 'Look back'));
}

/** On the caseload: a calm but clear flag when partners raised safety concerns. */
export function concernFlag(concerns, view) {
    if (!concerns?.length) {
        return null;
    }
    const latest = [...concerns].sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt)))[0];
    const from = view.partners.find((p) => p.partnerId === latest.partnerId)?.displayName ?? 'a partner';
    return h('p', { class: 'concern-flag' },
        h('strong', {}, concerns.length === 1 ? 'A safety concern' : `${concerns.length} safety concerns`),
        named` · the latest from ${from}, `, when(latest.raisedAt));
}
