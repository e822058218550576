// The projections (read models) and how far each has caught up, for analysts and operators: rebuild
// one, or build a new cycle state beside the serving one and switch reads to it.
import { query } from '../api.js';
import { h } from '../dom.js';
import { onPress, problemBox } from '../forms.js';
import { numbers, post, segment, showProblem } from './research.js';

const POLL_MS = 1000;

/**
 * The read models Duet builds from its events, how far each has caught up with the newest event,
 * and rebuilding them. Polled every second while one is rebuilding or behind, and no longer.
 */
export function projectionsCard({ announce }) {
    const rows = new Map();         // name -> { tr, update }
    const last = new Map();         // name -> the status shown before
    const tbody = h('tbody');
    const box = problemBox();
    const again = h('button', { class: 'button quiet', type: 'button' }, 'Check again');
    const beside = h('button', { class: 'button', type: 'button' }, 'Build cycle state beside');
    const switchTo = h('button', { class: 'button', type: 'button' }, 'Switch to it');
    const besideBox = problemBox();
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'projections-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'projections-title' }, 'Projections'), again),
        h('p', { class: 'hint' }, 'The views Duet builds from its events, and how far each has caught up with the newest event. '
            + 'Rebuilding one empties it and replays every event into it; until it has caught up, what it serves may be incomplete.'),
        box,
        h('div', { class: 'research-table-wrap' },
            h('table', { class: 'research-table' },
                h('caption', { class: 'visually-hidden' }, 'Projections and how far each has caught up'),
                h('thead', {}, h('tr', {},
                    h('th', { scope: 'col' }, 'Projection'),
                    h('th', { scope: 'col' }, 'Progress'),
                    h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Action')))),
                tbody)),
        h('section', { class: 'stack research-beside', 'aria-labelledby': 'beside-title' },
            h('h3', { id: 'beside-title' }, 'A new cycle state beside the serving one'),
            h('p', {}, 'Builds the cycle state anew while reads stay on the current one. Once the new one has caught up, switch reads over to it.'),
            h('div', { class: 'row-actions' }, beside, switchTo),
            besideBox));

    let timer = null;
    let stopped = false;

    async function load() {
        show((await query('analytics/projections')) ?? []);
    }

    function show(statuses) {
        if (stopped) {
            return;
        }
        box.hidden = true;
        for (const status of statuses) {
            let row = rows.get(status.name);
            if (!row) {
                row = projectionRow(status.name, rebuild);
                rows.set(status.name, row);
                tbody.append(row.tr);
            }
            row.update(status);
            if (last.get(status.name)?.replaying && !status.replaying) {
                announce(`The projection ${status.name} has caught up.`);
            }
            last.set(status.name, status);
        }
        poll(statuses);
    }

    function poll(statuses) {
        clearTimeout(timer);
        timer = null;
        // A stopped projection below 100% will not move, so it alone does not keep the polling going.
        if (!stopped && statuses.some((s) => s.replaying || (s.running && s.percent < 100))) {
            timer = setTimeout(() => load().catch((problem) => showProblem(box, problem)), POLL_MS);
        }
    }

    async function rebuild(name) {
        show((await post(`analytics/projections/${segment(name)}/rebuild`)) ?? []);
        announce(`Rebuilding the projection ${name}.`);
    }

    onPress(again, box, load);
    onPress(beside, besideBox, async () => {
        show((await post('analytics/projections/cycle-state/build-beside')) ?? []);
        announce('Building a new cycle state beside the serving one.');
    });
    onPress(switchTo, besideBox, async () => {
        show((await post('analytics/projections/cycle-state/switch')) ?? []);
        announce('Reads now come from the new cycle state.');
    });
    load().catch((problem) => showProblem(box, problem));

    return {
        el,
        stop() {
            stopped = true;
            clearTimeout(timer);
        },
    };
}

/** One projection's row; Rebuild asks first, right in the row, and Escape takes the question back. */
function projectionRow(projection, rebuild) {
    const id = `projection-${projection.replace(/[^\w-]/g, '-')}`;
    const state = h('span', { class: 'muted small' });
    const progress = h('progress', { id: `${id}-progress`, max: 100, value: 0 });
    const amount = h('span', { class: 'small' });
    const rebuildButton = h('button', { class: 'button', type: 'button' }, 'Rebuild', h('span', { class: 'visually-hidden' }, ` ${projection}`));
    const action = h('td', { class: 'research-action' }, rebuildButton);
    const problem = h('p', { class: 'problem small', role: 'alert', hidden: true });
    const tr = h('tr', {},
        h('th', { scope: 'row' }, h('code', {}, projection), h('br'), state),
        h('td', { class: 'research-progress' },
            h('label', { for: progress.id, class: 'visually-hidden' }, `How far ${projection} has caught up`),
            progress, amount),
        action);

    function ask() {
        const yes = h('button', { class: 'button primary', type: 'button' }, 'Yes, rebuild');
        const no = h('button', { class: 'button quiet', type: 'button' }, 'Cancel');
        const question = h('div', { class: 'stack research-confirm' },
            h('p', { class: 'small' }, `Rebuild ${projection} from the first event?`),
            h('div', { class: 'row-actions' }, yes, no), problem);
        const back = () => {
            problem.hidden = true;
            action.replaceChildren(rebuildButton);
            rebuildButton.focus();
        };
        problem.hidden = true;
        question.addEventListener('keydown', (event) => event.key === 'Escape' && back());
        no.addEventListener('click', back);
        yes.addEventListener('click', async () => {
            if (yes.getAttribute('aria-disabled') === 'true') {
                return;
            }
            yes.setAttribute('aria-disabled', 'true');
            try {
                await rebuild(projection);
                back();
            } catch (refused) {
                yes.removeAttribute('aria-disabled');
                showProblem(problem, refused);
            }
        });
        action.replaceChildren(question);
        yes.focus();
    }
    rebuildButton.addEventListener('click', ask);

    return {
        tr,
        update(status) {
            state.textContent = [
                status.replaying ? 'rebuilding' : status.running ? 'running' : 'stopped',
                status.serving ? 'serving reads' : 'not serving reads',
                // Events it could not apply wait in its dead-letter queue, their couple's later ones behind them.
                status.deadLetters ? `${numbers.format(status.deadLetters)} waiting in its dead-letter queue` : null,
            ].filter(Boolean).join(' · ');
            progress.value = status.percent;
            amount.textContent = `${status.percent}% · ${numbers.format(status.position)} of ${numbers.format(status.head)} events`;
        },
    };
}
