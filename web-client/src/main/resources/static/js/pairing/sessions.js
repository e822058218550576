// A couple's sessions: starting one (the lightest exercise offered first), and the list of them, the
// running ones first, each to join or look back on.
import { command } from '../api.js';
import { fill, h, renderList, when } from '../dom.js';
import { field, olderItems, onSubmit, problemBox } from '../forms.js';
import { PAGE_SIZE } from '../feed.js';
import { exerciseGuides, exerciseLabel, loadedGuides } from '../exercise/guides.js';

const FIRST_OFFERED = 'CHECK_IN';

/** The form that starts a session and opens it; shown once both partners are in. */
export function startForm({ coupleId }) {
    const exerciseField = field({ id: 'exercise', name: 'exercise', label: 'Exercise', control: 'select', hint: ' ' });
    const select = exerciseField.querySelector('select');
    const showPurpose = () => {
        exerciseField.querySelector('.hint').textContent = loadedGuides().find((g) => g.exercise === select.value)?.purpose ?? '';
    };
    select.addEventListener('change', showPurpose);
    // The exercises as the guides name them, the lightest first.
    const offerExercises = (guides) => {
        const ordered = [...guides].sort((a, b) => (b.exercise === FIRST_OFFERED) - (a.exercise === FIRST_OFFERED));
        fill(select, ordered.map((g) => h('option', { value: g.exercise }, g.title)));
        showPurpose();
    };
    offerExercises(loadedGuides());
    if (loadedGuides().length === 0) {
        exerciseGuides().then(offerExercises).catch(() => { /* starting a session says what is wrong */ });
    }
    const el = h('form', { class: 'card stack', 'aria-labelledby': 'start-title', hidden: true },
        h('h2', { id: 'start-title' }, 'Start a session'),
        exerciseField,
        problemBox(),
        h('button', { class: 'button primary', type: 'submit' }, 'Start session'));
    onSubmit(el, async (form) => {
        const { sessionId } = await command(`couples/${coupleId}/sessions`, { exercise: form.get('exercise') });
        location.hash = `#/sessions/${sessionId}`;
    });
    return {
        el,
        update(view) {
            el.hidden = !view.paired;
        },
    };
}

/** Every session of the couple, newest first and the running ones before them; older ones a page at a time. */
export function sessionsCard({ loadOlder }) {
    const list = h('ul', { class: 'sessions' });
    const none = h('p', { class: 'muted' }, 'No sessions yet. When you start one, your partner sees it here at once.');
    const older = olderItems({ label: 'Show older sessions', list: 'sessions', loadOlder, pageSize: PAGE_SIZE });
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'sessions-title' },
        h('h2', { id: 'sessions-title' }, 'Your sessions'), none, list, older.el);
    return {
        el,
        update(view) {
            const ordered = [...(view.sessions ?? [])].sort((a, b) => (a.status === 'RUNNING' ? 0 : 1) - (b.status === 'RUNNING' ? 0 : 1)
                || String(b.startedAt).localeCompare(String(a.startedAt)));
            none.hidden = ordered.length > 0;
            renderList(list, ordered, { key: (s) => s.sessionId, render: sessionItem });
            older.update(ordered.length);
        },
    };
}

/** The sessions running now, to join: on Today, so a partner who was called in finds theirs at once. */
export function runningSessions() {
    const list = h('ul', { class: 'sessions' });
    const el = h('section', { class: 'card stack running-now', 'aria-labelledby': 'running-title', hidden: true },
        h('h2', { id: 'running-title' }, 'Running now'), list);
    return {
        el,
        update(view) {
            const running = (view.sessions ?? []).filter((s) => s.status === 'RUNNING');
            el.hidden = running.length === 0;
            renderList(list, running, { key: (s) => s.sessionId, render: sessionItem });
        },
    };
}

export function sessionItem(session) {
    const running = session.status === 'RUNNING';
    const label = exerciseLabel(session.exercise);
    return h('li', { class: `session-item ${running ? 'running' : 'ended'}` },
        h('div', { class: 'session-text' },
            h('strong', {}, label),
            h('span', { class: `badge ${running ? 'live' : ''}` }, running ? 'Running now' : 'Ended'),
            h('span', { class: 'muted small' }, 'Started ', when(session.startedAt))),
        h('a', { class: `button ${running ? 'primary' : 'quiet'}`, href: `#/sessions/${session.sessionId}`,
            'aria-label': `${running ? 'Join' : 'Look back on'} ${label}` }, running ? 'Join' : 'Look back'));
}
