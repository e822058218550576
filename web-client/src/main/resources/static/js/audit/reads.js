// "Who has seen your content": every read of the couple's content by someone other than the two
// partners (a therapist, an analyst), as the server logged it. Fetched when the card is shown, when
// the couple's view changes and when the page comes back into sight: reads are not pushed.
import { query } from '../api.js';
import { fill, h, when } from '../dom.js';
import { problemBox } from '../forms.js';
import { exerciseLabel } from '../exercise/guides.js';

const FIRST_SHOWN = 8;
const VISIT_GAP_MS = 15 * 60_000;   // reads by one person this close together make one visit

export function readsCard({ coupleId }) {
    const list = h('ol', { class: 'reads', 'aria-labelledby': 'reads-title' });
    const none = h('p', { class: 'muted', hidden: true }, 'No one besides the two of you has seen anything.');
    const box = problemBox();
    const more = h('button', { class: 'button quiet', type: 'button', hidden: true }, 'Show all');
    const refreshButton = h('button', { class: 'button quiet', type: 'button' }, 'Refresh');
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'reads-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'reads-title' }, 'Who has seen your content'), refreshButton),
        h('p', { class: 'muted' }, 'Each time a therapist or an analyst opens something of your couple’s, it is listed here, newest first. Your partner sees the same list.'),
        box, none, list, more);

    let view = null;
    let reads = null;
    let all = false;
    let loading = null;
    let again = false;

    more.addEventListener('click', () => {
        all = true;
        render();
        list.children[FIRST_SHOWN]?.focus();
    });
    refreshButton.addEventListener('click', () => load());

    // One request at a time; a change while one is under way asks once more when it is done.
    function load() {
        if (loading) {
            again = true;
            return loading;
        }
        loading = query(`couples/${coupleId}/reads`)
            .then((answer) => {
                reads = answer ?? [];
                box.hidden = true;
                render();
            })
            .catch((problem) => {
                box.textContent = `The list could not be loaded just now. ${problem.message}`;
                box.hidden = false;
            })
            .finally(() => {
                loading = null;
                if (again) {
                    again = false;
                    load();
                }
            });
        return loading;
    }

    function render() {
        if (!reads) {
            return;
        }
        const groups = visits(reads);
        none.hidden = groups.length > 0;
        const shown = all ? groups : groups.slice(0, FIRST_SHOWN);
        more.hidden = shown.length === groups.length;
        more.textContent = `Show all ${groups.length} visits`;
        fill(list, shown.map((group) => readItem(group, view)));
    }

    const whenSeen = () => document.visibilityState === 'visible' && load();
    document.addEventListener('visibilitychange', whenSeen);

    return {
        el,
        update(next) {
            view = next;
            load();
        },
        stop() {
            document.removeEventListener('visibilitychange', whenSeen);
        },
    };
}

/**
 * Reads come one per request, so one look at a session makes several. Reads by the same person with
 * less than a quarter of an hour between them are shown as one visit: what they opened or watched,
 * how often, from when to when. The list stays newest first.
 */
function visits(reads) {
    const found = [];
    for (const read of reads) {
        const at = Date.parse(read.at);
        const key = `${read.via}|${read.what}`;
        let visit = found.at(-1);
        if (!visit || visit.readerId !== read.readerId || !(visit.earliest - at < VISIT_GAP_MS)) {
            visit = { readerId: read.readerId, readerName: read.readerName, readerRole: read.readerRole, last: read.at, items: new Map() };
            found.push(visit);
        }
        visit.earliest = at;
        visit.first = read.at;
        const item = visit.items.get(key) ?? visit.items.set(key, { via: read.via, what: read.what, times: 0 }).get(key);
        item.times += 1;
    }
    return found;
}

function readItem(visit, view) {
    const role = visit.readerRole === 'THERAPIST' ? 'therapist' : visit.readerRole === 'ANALYST' ? 'analyst' : null;
    const who = visit.readerName ?? (visit.readerRole === 'ANALYST' ? 'An analyst' : 'A therapist');
    const from = when(visit.first);
    const to = when(visit.last);
    const span = from && to && from.textContent !== to.textContent ? [from, ' to ', to] : to;
    return h('li', { class: 'read', tabindex: -1 },
        h('p', { class: 'read-head' }, h('strong', {}, who), role && visit.readerName && h('span', { class: 'muted' }, ` · ${role}`),
            h('span', { class: 'muted small' }, ' · ', span)),
        h('ul', { class: 'read-items' }, [...visit.items.values()].map((item) => h('li', { class: item.via === 'LIVE' ? 'live' : '' },
            `${item.via === 'LIVE' ? 'Watched live' : 'Opened'}: ${describe(item.what, view)}`,
            item.times > 1 && h('span', { class: 'muted' }, ` (${item.times} times)`)))));
}

/** The server names what was read ("the couple's overview", "session <id>", "notes", …); in our words here. */
function describe(what, view) {
    const session = /^session (.+)$/.exec(what ?? '');
    if (session) {
        const found = view?.sessions?.find((s) => s.sessionId === session[1]);
        return found ? `the ${exerciseLabel(found.exercise)} session of ${startedOn(found.startedAt)}` : 'one of your sessions';
    }
    return {
        "the couple's overview": 'your couple’s overview (your names and your sessions)',
        notes: 'their own private notes about your couple',
        'safety concerns': 'their inbox of private messages from partners',
    }[what] ?? what ?? 'something of yours';
}

const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });

function startedOn(instant) {
    const date = new Date(instant);
    return Number.isNaN(date.getTime()) ? 'earlier' : day.format(date);
}
