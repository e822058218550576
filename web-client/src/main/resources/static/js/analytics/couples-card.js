// One couple at a time: the list of couples under their pseudonyms with the phase each is in, and
// the chosen one's cycle state, now or as it stood at a moment in the past (time travel).
import { Problem, query } from '../api.js';
import { fill, h, renderList, when } from '../dom.js';
import { field, onPress, onSubmit, problemBox } from '../forms.js';
import { phaseLabel } from '../cycle/labels.js';
import { cycleSections } from './cycle-sections.js';
import { evidenceButtons } from './evidence.js';
import { atQuery, enumWords, numbers, segment, showProblem } from './research.js';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The list of couples, and the chosen one's cycle state with time travel; beside goes under that state. */
export function couplesPart({ announce, onView, beside }) {
    const list = h('ul', { class: 'research-couple-list', 'aria-labelledby': 'couples-title' });
    const count = h('p', { class: 'muted' }, 'Loading the couples…');
    const listBox = problemBox();
    const again = h('button', { class: 'button quiet', type: 'button' }, 'Load again');
    const listCard = h('section', { class: 'card stack', 'aria-labelledby': 'couples-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'couples-title' }, 'Couples'), again),
        h('p', { class: 'hint' }, 'Each couple under its pseudonym, with the phase it is in now. Choose one to see its cycle state.'),
        listBox, count, list);

    const heading = h('h2', { id: 'detail-title', tabindex: -1 }, 'One couple');
    const asOf = h('p', { class: 'muted' }, 'Choose a couple from the list to see its cycle state here.');
    const detailBox = problemBox();
    const body = h('div', { class: 'stack gap research-detail' });
    const travel = timeTravelForm({
        onTravel: (moment) => show(shown.couple, moment),
        announce,
        couple: () => shown?.couple,
    });
    const detailCard = h('section', { class: 'card stack research-detail-card', 'aria-labelledby': 'detail-title' },
        heading, asOf, detailBox, travel.el, body);

    const el = h('div', { class: 'grid research-couples' }, listCard, h('div', { class: 'stack gap' }, detailCard, beside));

    let couples = [];
    let chosen = null;          // the couple's pseudonym
    let shown = null;           // { couple, at, view } on show
    let loading = 0;            // answers to an earlier choice are dropped
    let stopped = false;

    async function loadList() {
        couples = [...((await query('analytics/couples')) ?? [])].sort((a, b) => a.coupleId.localeCompare(b.coupleId));
        if (stopped) {
            return;
        }
        count.textContent = couples.length === 0
            ? 'No couple yet.'
            : `${couples.length === 1 ? 'One couple' : `${numbers.format(couples.length)} couples`}.`;
        renderCouples();
    }

    function renderCouples() {
        renderList(list, couples, {
            key: (view) => view.coupleId,
            signature: (view) => JSON.stringify([view.coupleId, view.phase, view.coupleId === chosen]),
            render: (view) => coupleItem(view, view.coupleId === chosen, choose),
        });
    }

    async function choose(couple) {
        chosen = couple;
        renderCouples();
        detailBox.hidden = true;
        heading.textContent = `Couple ${couple}`;
        asOf.textContent = 'Loading its cycle state…';
        fill(body);
        try {
            if (await show(couple, null)) {
                // The state appears away from the list (below it, on a phone): the reader is taken there.
                heading.focus();
                announce(`Showing couple ${couple} as it stands now.`);
            }
        } catch (problem) {
            asOf.textContent = '';
            showProblem(detailBox, problem);
        }
    }

    /**
     * Shows the couple's state now (moment null) or as it stood at an instant; false when a later
     * choice overtook it. Throws the service's problem.
     */
    async function show(couple, moment) {
        const ticket = ++loading;
        const view = await query(`analytics/couples/${segment(couple)}/cycle-state${atQuery(moment)}`);
        if (ticket !== loading || stopped) {
            return false;
        }
        shown = { couple, at: moment, view };
        fill(asOf, moment ? ['As it stood on ', when(moment)] : 'As it stands now.');
        travel.showing(moment);
        const why = evidenceButtons({ couple, at: moment, figures: view.figures ?? [], announce });
        fill(body, cycleSections(view, why));
        onView(view);
        return true;
    }

    onPress(again, listBox, loadList);
    loadList().catch((problem) => {
        count.textContent = '';
        showProblem(listBox, problem);
    });

    return {
        el,
        stop() {
            stopped = true;
        },
    };
}

function coupleItem(view, chosen, choose) {
    const button = h('button', { type: 'button', class: 'research-couple', 'aria-current': chosen ? 'true' : null },
        h('code', {}, view.coupleId),
        h('span', { class: `badge research-phase-badge phase-${enumWords(view.phase).replace(/ /g, '-')}` },
            h('span', { class: 'visually-hidden' }, ', phase: '), phaseLabel(view.phase)));
    button.addEventListener('click', () => choose(view.coupleId));
    return h('li', {}, button);
}

/** The date and time to look back to, in the analyst's own time zone, sent as an instant. */
function timeTravelForm({ onTravel, announce, couple }) {
    const back = h('button', { class: 'button', type: 'button', hidden: true }, 'Back to now');
    const box = problemBox();
    const form = h('form', { class: 'stack research-travel', 'aria-labelledby': 'travel-title', hidden: true },
        h('h3', { id: 'travel-title' }, 'Time travel'),
        field({ id: 'travel-at', name: 'at', label: 'A moment in the past', type: 'datetime-local', required: true,
            hint: 'In your own time zone. The cycle state is rebuilt from the events up to that moment.' }),
        h('div', { class: 'row-actions' }, h('button', { class: 'button primary', type: 'submit' }, 'Show as it stood then'), back),
        box);
    const input = form.querySelector('input');

    onSubmit(form, async (data) => {
        const moment = new Date(data.get('at'));    // a datetime-local value is read as local time
        if (Number.isNaN(moment.getTime())) {
            throw new Problem(400, { detail: 'Choose a date and a time first.', errors: [{ field: 'at' }] });
        }
        if (moment > new Date()) {
            throw new Problem(400, { detail: 'Choose a moment that has already passed.', errors: [{ field: 'at' }] });
        }
        await onTravel(moment.toISOString());
        announce(`Showing couple ${couple()} as it stood on ${dateTime.format(moment)}.`);
    });
    onPress(back, box, async () => {
        await onTravel(null);
        announce(`Showing couple ${couple()} as it stands now.`);
    });

    return {
        el: form,
        /** Called with the instant on show, or null for now. */
        showing(instant) {
            form.hidden = false;
            back.hidden = !instant;
            input.max = localInputValue(new Date());
            if (!instant && !input.value) {
                input.value = input.max;
            }
        },
    };
}

/** A Date as a datetime-local value ("2025-03-04T19:20") in the browser's time zone. */
function localInputValue(date) {
    return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
