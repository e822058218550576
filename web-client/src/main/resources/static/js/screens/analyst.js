// The research page. Everything on it is pseudonymised: couples appear as c-…, sessions as s-…,
// partners as A and B, and no name, no word and no real id is ever shown. Analysts see figures
// across every couple; one couple's cycle state now or as it stood at any moment, with the events
// behind each figure; one session replayed event by event; and the export. Analysts and operators
// (ADMIN) follow and rebuild the projections.
import { Problem, query, queryCommand, signedResponse } from '../api.js';
import { fill, h, renderList, when } from '../dom.js';
import { field, onPress, onSubmit, problemBox } from '../forms.js';
import { onState, watch } from '../live.js';
import { EXERCISES } from '../words.js';

const PHASES = {
    ESCALATED: { label: 'Escalated',
        about: 'The loop runs the show: negative moments outweigh positive ones, or nothing has changed yet.' },
    DE_ESCALATING: { label: 'De-escalating',
        about: 'Both partners have named their side of the loop, or positive moments now outweigh negative ones.' },
    RE_ENGAGING: { label: 'Re-engaging',
        about: 'Most recently, the partner who tends to withdraw has let the other in.' },
    SOFTENING: { label: 'Softening',
        about: 'Most recently, the partner who tends to pursue has voiced the longing under the criticism.' },
    CONNECTED: { label: 'Connected',
        about: 'Both turning points have happened, and positive moments far outweigh negative ones.' },
};
const ROLES = { PURSUER: 'pursues', WITHDRAWER: 'withdraws', UNCLEAR: 'not clear yet' };
const LEANS = { IN: 'leaning in', BACK: 'leaning back', OUT: 'leaning out' };
const BANDS = {
    'near-stayed-together': 'near the figure for couples who stayed together',
    between: 'between the two reference figures',
    'near-divorced': 'near the figure for couples who later divorced',
};
// The kinds of moment a cycle state's timeline names; a partner, when there is one, comes first.
const MOMENTS = {
    paired: 'joined the couple',
    'session-started': 'started a session',
    'bid-made': 'made a bid for connection',
    'bid-turned-toward': 'turned toward a bid',
    'bid-turned-away': 'turned away from a bid',
    'bid-turned-against': 'turned against a bid',
    softening: 'softened, voicing the longing under the criticism',
    're-engagement': 're-engaged, letting the other in',
    appreciation: 'shared an appreciation',
    'baby-step-committed': 'committed to a baby step',
    'let-go-proposed': 'proposed letting a resentment go',
    'resentment-released': 'agreed to let a resentment go',
    'homework-done': 'did their homework',
    'checkpoint-kept': 'check-point kept',
    'checkpoint-partly-kept': 'check-point partly kept',
    'checkpoint-missed': 'check-point missed',
    'session-missed': 'missed a therapy session',
    'named-their-side': 'named their side of the loop',
    'leaned-in': 'leaned in',
    'leaned-back': 'leaned back',
    'leaned-out': 'leaned out',
    'change-event-confirmed': 'had a turning point confirmed by the therapist',
};
const REFERENCE = { stayedTogetherPercent: 86, divorcedPercent: 33 };
const REFERENCE_NOTE = 'The two figures come from research on bids turned toward. They are a reference to read a figure against, not a diagnosis.';
const SPEEDS = [1, 2, 5, 10, 25, 50];
const POLL_MS = 1000;
const ANNOUNCE_EVERY_MS = 1500;    // frames can come many a second: they are read out together, calmly
const LATEST_MOMENTS = 12;
const SVG = 'http://www.w3.org/2000/svg';

const numbers = new Intl.NumberFormat();
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function analystScreen({ person, announce }) {
    const roles = person?.roles ?? [];
    const analyst = roles.includes('ANALYST');
    const operator = analyst || roles.includes('ADMIN');

    const parts = [];           // every part, each stopped with the screen
    const sections = [];        // what goes on the page, in order
    if (analyst) {
        const cohort = cohortCard();
        // A replay plays one session of the couple on show, so its card sits under that couple's state.
        const replay = replayCard({ announce });
        const couples = couplesPart({ announce, beside: replay.el, onView: (view) => replay.setCouple(view) });
        const exported = exportCard({ announce });
        parts.push(cohort, couples, replay, exported);
        sections.push(cohort.el, couples.el, exported.el);
    }
    if (operator) {
        const projections = projectionsCard({ announce });
        parts.push(projections);
        sections.push(projections.el);
    }

    const el = h('div', { class: 'screen research' },
        h('section', { class: 'hero' },
            h('h1', { tabindex: -1 }, 'Research'),
            h('p', { class: 'lead' }, 'Everything here is pseudonymised: no names, no words, no real ids. '
                + 'Couples and sessions appear under pseudonyms, and partners as A and B.'),
            analyst && h('p', { class: 'muted' }, 'Whenever you open one couple’s history or replay one of its sessions, '
                + 'that couple’s record of who has looked at their content notes it.'),
            !analyst && operator && h('p', { class: 'muted' }, 'As an operator, you can follow the projections here and rebuild them.')),
        sections);

    return {
        el,
        title: 'Research',
        stop() {
            parts.forEach((part) => part.stop?.());
        },
    };
}

// --- requests ------------------------------------------------------------------------------------

/** POST /api/queries/{path}; resolves to the JSON answer, or null when there is none. */
function post(path, body) {
    return queryCommand(path, body);
}

/** Fetches a file with the token (a plain link could not carry it) and hands it to the browser to save. */
async function download(path, fallbackName, type) {
    const response = await signedResponse('GET', `/api/queries/${path}`, { accept: `${type}, application/problem+json` });
    const name = response.headers.get('Content-Disposition')?.match(/filename="?([^";]+)"?/)?.[1] ?? fallbackName;
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked a little later: some browsers read the file only after click() has returned.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    return name;
}

/** A path segment; colons stay as they are, since figure names carry one ("bids-toward:A"). */
function segment(text) {
    return encodeURIComponent(text).replace(/%3A/gi, ':');
}

function atQuery(at) {
    return at ? `?at=${encodeURIComponent(at)}` : '';
}

function showProblem(box, problem) {
    box.textContent = problem.message;
    box.hidden = false;
}

// --- words ---------------------------------------------------------------------------------------

function phaseLabel(phase) {
    return PHASES[phase]?.label ?? capital(enumWords(phase ?? 'unknown'));
}

function enumWords(value) {
    return String(value).toLowerCase().replace(/[_-]+/g, ' ');
}

function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An event's type as words: "CycleLinkRecorded" becomes "Cycle link recorded". */
function typeWords(type) {
    return capital(String(type ?? 'event').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}

function partnerWords(id) {
    if (id === 'therapist') {
        return 'the therapist';
    }
    return id ? `partner ${id}` : null;
}

function exerciseWords(exercise) {
    return EXERCISES[exercise]?.label ?? capital(enumWords(exercise ?? 'session'));
}

function percentWords(value) {
    return value == null ? 'not counted yet' : `${value}%`;
}

function momentWords({ kind, partnerId }) {
    const text = kind?.startsWith('phase-')
        ? `phase became ${phaseLabel(kind.slice('phase-'.length).toUpperCase().replace(/-/g, '_'))}`
        : MOMENTS[kind] ?? enumWords(kind ?? 'moment');
    return capital(partnerId ? `${partnerWords(partnerId)} ${text}` : text);
}

/** Where a percentage falls against the reference, by the same thirds the service uses for partners. */
function bandOf(percent, reference) {
    const third = Math.trunc((reference.stayedTogetherPercent - reference.divorcedPercent) / 3);
    if (percent >= reference.stayedTogetherPercent - third) {
        return 'near-stayed-together';
    }
    return percent <= reference.divorcedPercent + third ? 'near-divorced' : 'between';
}

/** A replayed frame's details: enumerations, numbers, yes/no and step keys, each as words. */
function detailWords(details) {
    return Object.entries(details ?? {}).map(([key, value]) => {
        const name = key.replace(/Count$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
        let shown;
        if (typeof value === 'boolean') {
            shown = value ? 'yes' : 'no';
        } else if (typeof value === 'number') {
            shown = numbers.format(value);
        } else if (key === 'exercise') {
            shown = exerciseWords(value);
        } else {
            shown = enumWords(value);
        }
        return `${name}: ${shown}`;
    });
}

function frameSentence(frame) {
    return `${typeWords(frame.type)}${frame.actor ? `, by ${partnerWords(frame.actor)}` : ''}.`;
}

// --- pictures ------------------------------------------------------------------------------------

/** An SVG element: h() makes HTML elements only. Text goes in as text, as with h(). */
function svg(tag, attributes = {}, ...children) {
    const el = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value != null) {
            el.setAttribute(name, String(value));
        }
    }
    el.append(...children.flat(Infinity).filter((child) => child != null && child !== false));
    return el;
}

/** Places an element along a 0–100% track (through the style object, not a style attribute). */
function at(el, percent) {
    el.style.left = `${Math.max(0, Math.min(100, percent))}%`;
    return el;
}

/**
 * The reference band as a picture: 0 to 100%, the span between the two research figures shaded,
 * both marked, and the figure itself as a dot. Hidden from screen readers: the words beside it say it.
 */
function referenceScale(value, reference = REFERENCE) {
    const low = reference.divorcedPercent;
    const high = reference.stayedTogetherPercent;
    const band = at(h('span', { class: 'research-band' }), low);
    band.style.width = `${high - low}%`;
    return h('div', { class: 'research-scale', 'aria-hidden': 'true' },
        h('div', { class: 'research-track' },
            band,
            at(h('span', { class: 'research-mark low' }), low),
            at(h('span', { class: 'research-mark high' }), high),
            value != null && at(h('span', { class: 'research-value' }), value)),
        h('div', { class: 'research-ticks' },
            at(h('span', {}, `${low}%`), low),
            at(h('span', {}, `${high}%`), high)));
}

function referenceLegend(reference = REFERENCE) {
    return h('ul', { class: 'research-legend' },
        h('li', { class: 'low' }, `about ${reference.divorcedPercent}% in couples who later divorced`),
        h('li', { class: 'high' }, `about ${reference.stayedTogetherPercent}% in couples who stayed together`));
}

/** Horizontal bars, one per row: { label, count }. The title says every number, for screen readers. */
function barChart(rows, { id, title }) {
    const width = 320;
    const rowHeight = 30;
    const labelWidth = 110;
    const room = width - labelWidth - 40;
    const most = Math.max(1, ...rows.map((row) => row.count));
    const summary = rows.map((row) => `${row.label}: ${row.count}`).join(', ');
    return svg('svg', { class: 'research-bars', viewBox: `0 0 ${width} ${rows.length * rowHeight}`, role: 'img',
        'aria-labelledby': `${id}-svg-title`, focusable: 'false' },
    svg('title', { id: `${id}-svg-title` }, `${title}. ${summary}.`),
    rows.map((row, i) => {
        const y = i * rowHeight;
        const length = Math.round((room * row.count) / most);
        return svg('g', {},
            svg('text', { x: labelWidth - 8, y: y + 20, 'text-anchor': 'end', class: 'research-chart-label' }, row.label),
            svg('rect', { x: labelWidth, y: y + 7, width: room, height: 18, rx: 4, class: 'research-bar-track' }),
            row.count > 0 && svg('rect', { x: labelWidth, y: y + 7, width: Math.max(length, 3), height: 18, rx: 4, class: 'research-bar' }),
            svg('text', { x: labelWidth + length + 6, y: y + 20, class: 'research-chart-value' }, numbers.format(row.count)));
    }));
}

/** The lean gap (0 to 2) after each check-in, oldest to newest, as a small line. */
function leanGapChart(points) {
    const width = 320;
    const height = 110;
    const left = 28;
    const right = 12;
    const top = 12;
    const bottom = 14;
    const x = (i) => (points.length > 1 ? left + (i * (width - left - right)) / (points.length - 1) : (left + width - right) / 2);
    const y = (gap) => top + ((2 - gap) * (height - top - bottom)) / 2;
    const last = points.at(-1);
    const title = `Lean gap after each check-in, higher is further apart. ${points.length === 1 ? 'One check-in' : `${points.length} check-ins`}; `
        + `the latest gap is ${last.gap} of 2.`;
    return svg('svg', { class: 'research-line', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'lean-gap-svg-title', focusable: 'false' },
        svg('title', { id: 'lean-gap-svg-title' }, title),
        [0, 1, 2].map((gap) => [
            svg('line', { x1: left, x2: width - right, y1: y(gap), y2: y(gap), class: 'research-gridline' }),
            svg('text', { x: left - 10, y: y(gap) + 4, 'text-anchor': 'end', class: 'research-chart-label' }, String(gap)),
        ]),
        points.length > 1 && svg('polyline', { points: points.map((p, i) => `${x(i)},${y(p.gap)}`).join(' '), class: 'research-path' }),
        points.map((p, i) => svg('circle', { cx: x(i), cy: y(p.gap), r: 4, class: 'research-point' })));
}

/** The same numbers as a picture, for screen readers and for anyone who prefers a table. */
function hiddenTable(caption, headings, rows) {
    return h('table', { class: 'visually-hidden' },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
        h('tbody', {}, rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first), rest.map((cell) => h('td', {}, cell))))));
}

/** One labelled figure in a description list, with its "why?" if it has one. */
function figure(label, value, ...more) {
    return h('div', { class: 'research-row' }, h('dt', {}, label), h('dd', {}, value, more));
}

// --- across all couples --------------------------------------------------------------------------

function cohortCard() {
    const box = problemBox();
    const body = h('div', { class: 'stack research-cohort' }, h('p', { class: 'muted' }, 'Loading the figures…'));
    const again = h('button', { class: 'button quiet', type: 'button' }, 'Load again');
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'cohort-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'cohort-title' }, 'All couples together'), again),
        h('p', { class: 'muted' }, 'Figures across every couple Duet holds, none of them named.'),
        box, body);

    const load = async () => {
        const cohort = await query('analytics/cohort');
        fill(body, cohortTiles(cohort), h('div', { class: 'grid two' }, phaseChart(cohort), towardFigure(cohort)), exercisesList(cohort));
    };
    onPress(again, box, load);
    load().catch((problem) => showProblem(box, problem));
    return { el };
}

function cohortTiles(cohort) {
    const tiles = [
        ['Couples', numbers.format(cohort.couples)],
        ['Partners who answered bids', numbers.format(cohort.partnersWithBids)],
        ['Softenings', numbers.format(cohort.softenings)],
        ['Re-engagements', numbers.format(cohort.reengagements)],
        ['Resentments let go', numbers.format(cohort.resentmentsReleased)],
        ['Resentments still open', numbers.format(cohort.resentmentsOpen)],
        ['Check-points kept, on average', percentWords(cohort.meanCheckpointsPercent)],
        ['Therapy sessions attended, on average', percentWords(cohort.meanAttendancePercent)],
    ];
    return h('dl', { class: 'research-tiles' },
        tiles.map(([label, value]) => h('div', { class: 'research-tile' }, h('dt', {}, label), h('dd', {}, value))));
}

function phaseChart(cohort) {
    const rows = Object.keys(PHASES).map((phase) => ({ label: phaseLabel(phase), count: cohort.byPhase?.[phase] ?? 0 }));
    return h('section', { class: 'stack research-chart', 'aria-labelledby': 'phase-chart-title' },
        h('h3', { id: 'phase-chart-title' }, 'Couples by phase'),
        barChart(rows, { id: 'phase-chart', title: 'Couples by phase' }),
        hiddenTable('Couples by phase', ['Phase', 'Couples'], rows.map((row) => [row.label, numbers.format(row.count)])));
}

function towardFigure(cohort) {
    const value = cohort.meanTowardPercent;
    const partners = cohort.partnersWithBids === 1 ? 'one partner' : `${numbers.format(cohort.partnersWithBids)} partners`;
    return h('section', { class: 'stack research-toward', 'aria-labelledby': 'toward-title' },
        h('h3', { id: 'toward-title' }, 'Bids turned toward, on average'),
        value == null
            ? h('p', { class: 'muted' }, 'Not counted yet: no partner has answered a bid.')
            : h('p', {}, h('strong', { class: 'research-big' }, `${value}%`),
                ` of answered bids were turned toward, on average over ${partners}: ${BANDS[bandOf(value, REFERENCE)]}.`),
        referenceScale(value),
        referenceLegend(),
        h('p', { class: 'hint' }, REFERENCE_NOTE));
}

function exercisesList(cohort) {
    const entries = Object.entries(cohort.sessionsByExercise ?? {}).sort((a, b) => b[1] - a[1]);
    return h('section', { class: 'stack', 'aria-labelledby': 'exercises-title' },
        h('h3', { id: 'exercises-title' }, 'Sessions by exercise'),
        entries.length === 0
            ? h('p', { class: 'muted' }, 'No sessions yet.')
            : h('ul', { class: 'research-counts' }, entries.map(([exercise, count]) =>
                h('li', {}, h('span', {}, exerciseWords(exercise)), h('strong', {}, numbers.format(count))))));
}

// --- one couple ----------------------------------------------------------------------------------

/** The list of couples, and the chosen one's cycle state with time travel; beside goes under that state. */
function couplesPart({ announce, onView, beside }) {
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

/**
 * Makes why(figure, label): a "Why?" button that opens, under itself, the events behind that figure
 * of the state on show (at the same instant), fetched the first time it opens. Figures the state does
 * not list get no button. Each event shows its type, its pseudonymised couple or session, and its time.
 */
function evidenceButtons({ couple, at: instant, figures, announce }) {
    const known = new Set(figures);
    return (name, label) => {
        if (!known.has(name)) {
            return null;
        }
        const id = `why-${name.replace(/[^\w-]/g, '-')}`;
        const region = h('div', { id, class: 'research-evidence', hidden: true });
        const button = h('button', { type: 'button', class: 'button quiet research-why', 'aria-expanded': 'false', 'aria-controls': id },
            'Why?', h('span', { class: 'visually-hidden' }, ` The events behind ${label}`));
        button.addEventListener('click', async () => {
            const open = button.getAttribute('aria-expanded') !== 'true';
            button.setAttribute('aria-expanded', String(open));
            region.hidden = !open;
            if (!open || region.dataset.loaded || button.getAttribute('aria-busy') === 'true') {
                return;
            }
            button.setAttribute('aria-busy', 'true');
            fill(region, h('p', { class: 'muted small' }, 'Loading the events behind it…'));
            try {
                const refs = (await query(`analytics/couples/${segment(couple)}/cycle-state/evidence/${segment(name)}${atQuery(instant)}`)) ?? [];
                region.dataset.loaded = 'true';
                fill(region, evidenceList(refs));
                announce(refs.length === 1 ? `One event lies behind ${label}.` : `${refs.length} events lie behind ${label}.`);
            } catch (problem) {
                fill(region, h('p', { class: 'problem', role: 'alert' }, problem.message));
            } finally {
                button.removeAttribute('aria-busy');
            }
        });
        return h('div', { class: 'research-why-wrap' }, button, region);
    };
}

function evidenceList(refs) {
    if (refs.length === 0) {
        return h('p', { class: 'muted small' }, 'No event lies behind this figure yet.');
    }
    return h('ol', { class: 'research-evidence-list' }, refs.map((ref) => h('li', {},
        h('strong', {}, typeWords(ref.type)),
        ' in ', h('code', {}, ref.aggregateId),
        h('span', { class: 'muted' }, ' · '),
        when(ref.at))));
}

function cycleSections(view, why) {
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
        h('p', {}, PHASES[view.phase]?.about),
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
        ? `${capital(LEANS[partner.lastLean] ?? enumWords(partner.lastLean))}${partner.lastEnergy != null ? `, energy ${partner.lastEnergy} of 10` : ''}`
        : 'No check-in shared yet';
    return h('section', { class: 'research-partner stack', 'aria-labelledby': `partner-${id}-title` },
        h('h4', { id: `partner-${id}-title` }, `Partner ${id}`),
        h('dl', { class: 'research-dl' },
            figure('Declared role', capital(ROLES[partner.declaredRole] ?? 'not clear yet'),
                why(`declared-role:${id}`, `${who}’s declared role`)),
            figure('Role shown in actions', capital(ROLES[partner.shownRole] ?? 'not clear yet'),
                h('span', { class: 'muted small' }, ` (${partner.pursuingMoves} pursuing, ${partner.withdrawingMoves} withdrawing moves)`),
                why(`shown-role:${id}`, `${who}’s role as shown`)),
            figure('Bids turned toward', towardWords(partner),
                partner.towardPercent != null && referenceScale(partner.towardPercent, reference),
                why(`bids-toward:${id}`, `bids turned toward by ${who}`)),
            figure('Last lean', lean)));
}

function towardWords(partner) {
    if (!partner.bidsAnswered) {
        return 'No bid answered yet';
    }
    const band = BANDS[partner.referenceBand];
    return `${partner.towardPercent}%: ${partner.bidsTurnedToward} of ${partner.bidsAnswered} answered bids${band ? `, ${band}` : ''}`;
}

function adherenceSection(view, why) {
    const a = view.adherence ?? {};
    return block('detail-adherence', 'Commitment',
        h('dl', { class: 'research-dl' },
            figure('Check-points reviewed', `${a.checkpointsReviewed ?? 0}`, h('span', { class: 'muted small' }, ` (${percentWords(a.checkpointsPercent)} kept)`)),
            figure('Homework', `${a.homeworkDone ?? 0} done, ${a.homeworkSet ?? 0} set`, h('span', { class: 'muted small' }, ` (${percentWords(a.homeworkPercent)})`)),
            figure('Therapy sessions', `${a.sessionsAttended ?? 0} attended, ${a.sessionsMissed ?? 0} missed`,
                h('span', { class: 'muted small' }, ` (${percentWords(a.attendancePercent)} attended)`))),
        why('adherence', 'commitment'));
}

function resentmentsSection(view, why) {
    return block('detail-resentments', 'Resentments',
        h('dl', { class: 'research-dl' },
            figure('Still open', String(view.resentmentsOpen ?? 0)),
            figure('Let go together', String(view.resentmentsReleased ?? 0))),
        why('resentments', 'resentments'));
}

function turningPointsSection(view, why) {
    return block('detail-turning', 'Last turning points',
        h('dl', { class: 'research-dl' },
            figure('Softening', moveWords(view.lastSoftening), why('last-softening', 'the last softening')),
            figure('Re-engagement', moveWords(view.lastReengagement), why('last-reengagement', 'the last re-engagement'))));
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
    return block('detail-sessions', 'Positive and negative moments per session',
        sessions.length === 0
            ? h('p', { class: 'muted' }, 'No sessions yet.')
            : h('ul', { class: 'research-sessions' }, sessions.map((session) => h('li', {},
                h('p', {}, h('code', {}, session.sessionId), ' · ', exerciseWords(session.exercise)),
                h('p', { class: 'small' }, `${session.positive} positive, ${session.negative} negative`),
                why(`session-ratio:${session.sessionId}`, `the moments in session ${session.sessionId}`)))));
}

function leanGapSection(view, why) {
    const points = view.leanGap ?? [];
    return block('detail-lean-gap', 'Lean gap',
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
                h('span', {}, momentWords(item)),
                item.sessionId && h('span', { class: 'muted small' }, ' in ', h('code', {}, item.sessionId)),
                h('span', { class: 'muted small' }, ' · ', when(item.at))))));
}

// --- replay --------------------------------------------------------------------------------------

/**
 * One session of the chosen couple, replayed: prepared (paused at the start) on the first Play,
 * listened to on /topic/replays.{id}, and steered by play, pause, seek and speed. The topic brings
 * frames ({ index, … }) and statuses ({ position, … }); every control answers a status as well.
 */
function replayCard({ announce }) {
    const sessionField = field({ id: 'replay-session', name: 'session', label: 'Session', control: 'select' });
    const sessionSelect = sessionField.querySelector('select');
    const speedField = field({ id: 'replay-speed', name: 'speed', label: 'Speed', control: 'select',
        options: SPEEDS.map((speed) => h('option', { value: speed }, speed === 1 ? '1× (as it happened)' : `${speed}× faster`)) });
    const speedSelect = speedField.querySelector('select');
    const play = h('button', { class: 'button primary research-play', type: 'button', 'aria-pressed': 'false' },
        h('span', { class: 'research-play-icon', 'aria-hidden': 'true' }), 'Play');
    const position = h('output', { for: 'replay-position', class: 'research-position' }, 'Event 0 of 0');
    const scrub = h('input', { type: 'range', id: 'replay-position', name: 'position', min: 0, max: 0, value: 0, step: 1,
        'aria-valuetext': 'Event 0 of 0' });
    const scrubField = h('div', { class: 'field research-scrub', hidden: true },
        h('div', { class: 'research-scrub-head' }, h('label', { for: 'replay-position' }, 'Position in the session'), position), scrub);
    const statusLine = h('p', { class: 'muted' }, 'Choose a session, then press Play.');
    const box = problemBox();
    const frameList = h('ol', { class: 'research-frames' });
    const noFrames = h('p', { class: 'muted small' }, 'The events appear here as they play.');
    const scroller = h('div', { class: 'research-frames-box', role: 'region', 'aria-label': 'Replayed events', tabindex: 0 }, noFrames, frameList);
    const offline = h('p', { class: 'notice small', hidden: true },
        'Replays arrive over the live connection, which is not open just now. The events appear once it is.');
    const none = h('p', { class: 'muted' }, 'Choose a couple first: its sessions appear here.');
    const controls = h('div', { class: 'stack', hidden: true },
        h('div', { class: 'research-replay-fields' }, sessionField, speedField),
        h('div', { class: 'row-actions' }, play, statusLine),
        scrubField, box, scroller);
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'replay-title' },
        h('h2', { id: 'replay-title' }, 'Replay a session'),
        h('p', { class: 'hint' }, 'Its events again, in order, at the pace they happened or faster. '
            + 'Only the kind of each event, partners A and B, numbers and step names appear.'),
        offline, none, controls);

    let couple = null;
    let replay = null;          // { id, session, status, undo } once prepared
    const frames = new Map();   // index -> frame
    let scrubbing = false;
    let heard = [];             // frames not yet read out
    let heardTimer = null;
    let stopped = false;

    const undoState = onState((state) => {
        offline.hidden = state === 'live';
    });

    function setCouple(view) {
        if (view.coupleId !== couple) {
            reset();
            couple = view.coupleId;
        }
        const sessions = view.sessions ?? [];
        const kept = sessionSelect.value;
        fill(sessionSelect, sessions.map((s) => h('option', { value: s.sessionId }, `${s.sessionId} · ${exerciseWords(s.exercise)}`)));
        if (sessions.some((s) => s.sessionId === kept)) {
            sessionSelect.value = kept;
        } else if (replay) {
            reset();
        }
        none.hidden = sessions.length > 0;
        none.textContent = `Couple ${couple} has no session to replay yet.`;
        controls.hidden = sessions.length === 0;
    }

    /** The replay of the chosen session, prepared and listened to if it is not yet; null if the choice changed meanwhile. */
    async function ready() {
        const session = sessionSelect.value;
        if (replay?.session === session) {
            return replay;
        }
        reset();
        const status = await post('analytics/replays', { session, speed: Number(speedSelect.value) });
        if (stopped || sessionSelect.value !== session || replay) {
            return null;
        }
        replay = { id: status.replayId, session, status, undo: watch(`/topic/replays.${status.replayId}`, hear) };
        apply(status);
        return replay;
    }

    /** POSTs one control of the replay and shows the status it answers; a replay the service forgot starts over. */
    async function control(action, body) {
        try {
            apply(await post(`analytics/replays/${segment(replay.id)}/${action}`, body));
        } catch (problem) {
            if (problem.status === 404) {
                reset();
                throw new Problem(404, { detail: 'This replay is no longer available. Press Play to start it again.' });
            }
            throw problem;
        }
    }

    function playing() {
        return Boolean(replay && !replay.status.paused && !replay.status.finished);
    }

    onPress(play, box, async () => {
        if (playing()) {
            await control('pause');
            announce('The replay is paused.');
            return;
        }
        if (!(await ready())) {
            return;
        }
        if (replay.status.finished) {
            drop(0);
            await control('seek', { position: 0 });
        }
        await control('play');
    });

    speedSelect.addEventListener('change', () => replay && act(() => control('speed', { speed: Number(speedSelect.value) })));
    sessionSelect.addEventListener('change', () => reset());
    scrub.addEventListener('input', () => {
        scrubbing = true;
        showPosition(Number(scrub.value), Number(scrub.max));
    });
    scrub.addEventListener('change', () => {
        scrubbing = false;
        if (!replay) {
            return;
        }
        const to = Number(scrub.value);
        drop(to);
        act(() => control('seek', { position: to }));
    });

    async function act(action) {
        box.hidden = true;
        try {
            await action();
        } catch (problem) {
            showProblem(box, problem);
        }
    }

    function hear(message) {
        if (!replay || message.replayId !== replay.id) {
            return;
        }
        if ('index' in message) {
            frames.set(message.index, message);
            showPosition(message.index + 1, message.total);
            renderFrames();
            readOut(message);
        } else if ('position' in message) {
            apply(message);
        }
    }

    function apply(status) {
        if (!replay || status.replayId !== replay.id) {
            return;
        }
        const wasFinished = replay.status.finished;
        replay.status = status;
        play.setAttribute('aria-pressed', String(playing()));
        speedSelect.value = String(status.speed);
        scrubField.hidden = false;
        showPosition(status.position, status.total);
        if (status.total === 0) {
            statusLine.textContent = 'This session has no events to replay.';
        } else if (playing()) {
            statusLine.textContent = status.speed === 1 ? 'Playing at the pace it happened.' : `Playing ${status.speed}× faster.`;
        } else if (status.finished) {
            statusLine.textContent = 'The replay has reached its end. Press Play to watch it again.';
        } else {
            statusLine.textContent = status.position === 0 ? 'Ready at the start.' : 'Paused.';
        }
        if (status.finished && !wasFinished && status.total > 0) {
            announce('The replay has reached its end.');
        }
    }

    /** played: how many events have played, which is also the next one's index. */
    function showPosition(played, total) {
        scrub.max = String(total);
        if (!scrubbing) {
            scrub.value = String(played);
        }
        const words = `Event ${scrub.value} of ${total}`;
        scrub.setAttribute('aria-valuetext', words);
        position.textContent = words;
    }

    /** Frames from this index on will play again: they leave the list until they do. */
    function drop(from) {
        [...frames.keys()].filter((index) => index >= from).forEach((index) => frames.delete(index));
        renderFrames();
    }

    function renderFrames() {
        // Kept at the newest unless the reader scrolled up to look at earlier ones.
        const atEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 48;
        const ordered = [...frames.values()].sort((a, b) => a.index - b.index);
        renderList(frameList, ordered, { key: (frame) => String(frame.index), render: frameItem });
        noFrames.hidden = ordered.length > 0;
        if (atEnd) {
            scroller.scrollTop = scroller.scrollHeight;
        }
    }

    function readOut(frame) {
        heard.push(frame);
        heardTimer ??= setTimeout(() => {
            const latest = heard.at(-1);
            announce(heard.length === 1 ? frameSentence(latest) : `${heard.length} more events; the latest: ${frameSentence(latest)}`);
            heard = [];
            heardTimer = null;
        }, ANNOUNCE_EVERY_MS);
    }

    /** Forgets the replay on show: no longer listened to, and paused if it was playing. */
    function reset() {
        if (replay) {
            replay.undo();
            if (playing()) {
                post(`analytics/replays/${segment(replay.id)}/pause`).catch(() => {});
            }
            replay = null;
        }
        clearTimeout(heardTimer);
        heardTimer = null;
        heard = [];
        frames.clear();
        renderFrames();
        scrubbing = false;
        scrubField.hidden = true;
        play.setAttribute('aria-pressed', 'false');
        statusLine.textContent = 'Choose a session, then press Play.';
        box.hidden = true;
    }

    return {
        el,
        setCouple,
        stop() {
            stopped = true;
            reset();
            undoState();
        },
    };
}

function frameItem(frame) {
    const details = detailWords(frame.details);
    return h('li', { class: 'research-frame', value: frame.index + 1 },
        h('p', { class: 'bid-head' },
            h('strong', {}, typeWords(frame.type)),
            frame.actor && ` · ${capital(partnerWords(frame.actor))}`,
            ' · ', when(frame.at)),
        details.length > 0 && h('p', { class: 'small' }, details.join(' · ')));
}

// --- export --------------------------------------------------------------------------------------

function exportCard({ announce }) {
    const csv = h('button', { class: 'button', type: 'button' }, 'Download CSV');
    const lines = h('button', { class: 'button', type: 'button' }, 'Download JSON Lines');
    const box = problemBox();
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'export-title' },
        h('h2', { id: 'export-title' }, 'Export'),
        h('p', {}, 'One row per couple, under its pseudonym: the phase, counts and percentages. No name and no word is in it.'),
        h('div', { class: 'row-actions' }, csv, lines),
        box);
    onPress(csv, box, async () => {
        const name = await download('analytics/export.csv', 'duet-couples.csv', 'text/csv');
        announce(`The export ${name} is ready in your downloads.`);
    });
    onPress(lines, box, async () => {
        const name = await download('analytics/export.jsonl', 'duet-couples.jsonl', 'application/x-ndjson');
        announce(`The export ${name} is ready in your downloads.`);
    });
    return { el };
}

// --- projections ---------------------------------------------------------------------------------

/**
 * The read models Duet builds from its events, how far each has caught up with the newest event,
 * and rebuilding them. Polled every second while one is rebuilding or behind, and no longer.
 */
function projectionsCard({ announce }) {
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
function projectionRow(name, rebuild) {
    const id = `projection-${name.replace(/[^\w-]/g, '-')}`;
    const state = h('span', { class: 'muted small' });
    const progress = h('progress', { id: `${id}-progress`, max: 100, value: 0 });
    const amount = h('span', { class: 'small' });
    const rebuildButton = h('button', { class: 'button', type: 'button' }, 'Rebuild', h('span', { class: 'visually-hidden' }, ` ${name}`));
    const action = h('td', { class: 'research-action' }, rebuildButton);
    const problem = h('p', { class: 'problem small', role: 'alert', hidden: true });
    const tr = h('tr', {},
        h('th', { scope: 'row' }, h('code', {}, name), h('br'), state),
        h('td', { class: 'research-progress' },
            h('label', { for: progress.id, class: 'visually-hidden' }, `How far ${name} has caught up`),
            progress, amount),
        action);

    function ask() {
        const yes = h('button', { class: 'button primary', type: 'button' }, 'Yes, rebuild');
        const no = h('button', { class: 'button quiet', type: 'button' }, 'Cancel');
        const question = h('div', { class: 'stack research-confirm' },
            h('p', { class: 'small' }, `Rebuild ${name} from the first event?`),
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
                await rebuild(name);
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
