// A therapist's page: the couples who consented to them (their caseload), each kept current live,
// with any safety concern flagged; and the code couples need to invite them. A couple whose consent
// ends while this page is open says so calmly and leaves the list at the next fetch of the caseload.
import { query } from '../api.js';
import { h, named, renderList } from '../dom.js';
import { problemBox } from '../forms.js';
import { follow } from '../feed.js';
import { watch } from '../live.js';
import { phaseLabel } from '../cycle/labels.js';
import { concernFlag, coupleNames, coupleNamesShown, sessionLink } from './case.js';
import { therapistCodeCard } from '../consent/therapist-code.js';

const TRENDS = { IMPROVING: 'moving toward connection', WORSENING: 'moving away from connection', STEADY: 'steady' };

export function therapistScreen({ person, announce }) {
    const list = h('ul', { class: 'caseload', 'aria-labelledby': 'caseload-title' });
    const none = h('p', { class: 'muted', hidden: true }, 'No couple shares their sessions with you yet. Once both partners of a couple consent, they appear here.');
    const box = problemBox();

    const el = h('div', { class: 'screen' },
        h('section', { class: 'hero' },
            h('h1', { tabindex: -1 }, person.name ? named`Welcome, ${person.name}` : 'Welcome'),
            h('p', { class: 'lead' }, 'The couples who chose to work with you, and what they share with you.')),
        h('section', { class: 'card stack', 'aria-labelledby': 'caseload-title' },
            h('div', { class: 'card-head' }, h('h2', { id: 'caseload-title' }, 'Your couples')),
            h('p', { class: 'muted' }, 'A couple appears here once both partners have consented. Either of them can withdraw at any time; their couple then leaves this list.'),
            box, none, list),
        therapistCodeCard({ announce }));

    const cases = new Map();        // coupleId -> { view, concerns, gone, feed }
    let stopped = false;

    async function load() {
        let caseload;
        try {
            caseload = (await query('my/caseload')) ?? [];
            box.hidden = true;
        } catch (problem) {
            box.textContent = `Your couples could not be loaded just now. ${problem.message}`;
            box.hidden = false;
            return;
        }
        if (stopped) {
            return;
        }
        const listed = new Set(caseload.map((c) => c.coupleId));
        for (const [coupleId, entry] of cases) {
            if (!listed.has(coupleId)) {
                entry.feed?.stop();
                cases.delete(coupleId);
            }
        }
        for (const couple of caseload) {
            if (!cases.has(couple.coupleId) || cases.get(couple.coupleId).gone) {
                cases.get(couple.coupleId)?.feed?.stop();
                followCase(couple);
            }
        }
        render();
        await Promise.all([...caseload.map((couple) => loadConcerns(couple.coupleId)), loadOverview()]);
    }

    function followCase(couple) {
        const entry = { view: couple, concerns: [], gone: false };
        cases.set(couple.coupleId, entry);
        entry.feed = follow({
            topic: `/topic/couples.${couple.coupleId}`,
            path: `couples/${couple.coupleId}`,
            initial: couple,
            onView: (view) => {
                entry.view = view;
                render();
            },
            onGone: () => gone(entry),
        });
    }

    async function loadConcerns(coupleId) {
        const entry = cases.get(coupleId);
        if (!entry || entry.gone) {
            return;
        }
        try {
            entry.concerns = (await query(`couples/${coupleId}/safety-concerns`)) ?? [];
            render();
        } catch (problem) {
            if (problem.status === 403) {
                gone(entry);
            }
        }
    }

    function gone(entry) {
        if (!entry.gone) {
            entry.gone = true;
            entry.feed?.stop();
            announce(`${coupleNames(entry.view)} no longer share their sessions with you.`);
            render();
        }
    }

    /** Where each couple stands in their cycle and which way it last moved; a missing overview hides just that line. */
    async function loadOverview() {
        try {
            for (const entry of (await query('my/caseload/overview')) ?? []) {
                if (cases.has(entry.coupleId)) {
                    cases.get(entry.coupleId).overview = entry;
                }
            }
            render();
        } catch {
            // the caseload itself is what matters; the phase line comes back with the next load
        }
    }

    function render() {
        const entries = [...cases.values()].sort((a, b) => coupleNames(a.view).localeCompare(coupleNames(b.view)));
        none.hidden = entries.length > 0;
        renderList(list, entries, {
            key: (entry) => entry.view.coupleId,
            signature: (entry) => JSON.stringify([entry.view, entry.concerns, entry.gone, entry.overview]),
            render: caseItem,
        });
    }

    const whenSeen = () => document.visibilityState === 'visible' && load();
    document.addEventListener('visibilitychange', whenSeen);
    load();

    // The caseload follows what happens: a couple consents or withdraws, starts or ends a session, or
    // raises a concern (which flags it at once). No need to check for new couples.
    const unwatchConcerns = watch(`/topic/therapists.${person.id}`, (notice) => (notice.caseload ? load()
        : loadConcerns(notice.coupleId)));

    return {
        el,
        title: 'Your couples',
        stop() {
            stopped = true;
            document.removeEventListener('visibilitychange', whenSeen);
            cases.forEach((entry) => entry.feed?.stop());
            unwatchConcerns();
        },
    };
}

function caseItem({ view, concerns, gone, overview }) {
    const names = () => coupleNamesShown(view); // each place gets elements of its own
    const titleId = `case-${view.coupleId}`;
    if (gone) {
        return h('li', { class: 'case gone', 'aria-labelledby': titleId },
            h('h3', { id: titleId }, names()),
            h('p', {}, 'This couple no longer shares their sessions with you.'));
    }
    const running = (view.sessions ?? []).filter((s) => s.status === 'RUNNING');
    const ended = (view.sessions ?? []).length - running.length;
    return h('li', { class: 'case', 'aria-labelledby': titleId },
        h('h3', { id: titleId }, names()),
        overview?.phase && h('p', { class: 'case-phase' }, h('strong', {}, phaseLabel(overview.phase)),
            ` · ${TRENDS[overview.trend] ?? ''}`),
        concernFlag(concerns, view),
        running.length
            ? h('ul', { class: 'sessions' }, running.map((s) => h('li', {}, sessionLink(s))))
            : h('p', { class: 'muted' }, 'No session running now.'),
        ended > 0 && h('p', { class: 'muted small' }, ended === 1 ? 'One earlier session to look back on.' : `${ended} earlier sessions to look back on.`),
        h('a', { class: 'button', href: `#/couples/${view.coupleId}` }, h('span', {}, 'Open ', h('span', { class: 'visually-hidden' }, names(), ': '), 'sessions, concerns and notes')));
}
