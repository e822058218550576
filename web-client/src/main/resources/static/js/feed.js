// Keeps one view (a couple's, a session's, a cycle state) current: fetched over REST, then changed by
// what is pushed over STOMP. A push is a change, never the whole view: the view's small part when it
// changed, and each item of a growing list added, changed or removed (see docs/STOMP.md). The version
// counts the events applied to the view without gaps, so:
//   push version <= shown        -> already seen, ignore
//   push version == shown + 1    -> the next one, apply it to what is shown
//   push version  > shown + 1    -> something was missed, refetch over REST
// Over REST a growing list holds only its newest items (page 0); loadOlder brings the next page.
// The server lets a browser listen only to a view it may read, and a view that is not projected
// yet cannot be read: so it fetches first, subscribes once the view is there, then fetches again,
// which brings whatever was pushed before the subscription took hold.
// A view once shown that the server then refuses (403) or no longer has (404) is gone: access to it
// ended, or it was erased. The feed stops and says so through onGone.
import { query } from './api.js';
import { onAccessEnded, onConnect, watch } from './live.js';

export const NOT_YET_RETRIES = [150, 300, 600, 1200, 2400];
// A SUBSCRIBE takes hold on the server a moment after the page sends it, and a change pushed in
// between reaches no one: a second fetch, once the subscription surely holds, brings it.
export const SUBSCRIPTION_HOLDS_AFTER_MS = 1000;
export const NOT_YET = new Set([403, 404]);
export const PAGE_SIZE = 50;       // the server's window: a view's list holds this many newest items

/** The view as it is after a pushed change: its small part replaced, each changed item put in place. */
export function applyChange(view, change) {
    const next = { ...view, ...(change.summary ?? {}), version: change.version };
    for (const item of change.changes ?? []) {
        next[item.list] = placed(next[item.list] ?? [], item);
    }
    return next;
}

function keyOf(item, keyFields) {
    return keyFields.length === 0 ? String(item) : keyFields.map((field) => String(item[field])).join('|');
}

function placed(items, { keyFields, key, item, newestFirst }) {
    const at = items.findIndex((held) => keyOf(held, keyFields) === key);
    if (item == null) {
        return at < 0 ? items : items.filter((_, n) => n !== at);
    }
    if (at >= 0) {
        return items.map((held, n) => (n === at ? item : held));
    }
    return newestFirst ? [item, ...items] : [...items, item];
}

/** initial: a view already fetched (e.g. in a list), shown at once and then kept current. */
export function follow({ topic, path, onView, onError, onGone = onError, initial = null }) {
    let view = null;
    let stopped = false;
    let pages = new Map();      // list -> the next older page to ask for, for lists older items were loaded of
    let watching = null;        // the functions that undo the subscription, once there is one

    const show = (next) => {
        if (stopped || (view && next.version <= view.version)) {
            return;
        }
        view = next;
        onView(next);
    };

    const fetched = (next) => {
        if (!stopped && (!view || next.version > view.version)) {
            pages = new Map(); // the fetched view holds each list's newest page again
        }
        show(next);
    };

    const fetchView = async (attempt = 0) => {
        try {
            fetched(await query(path));
            if (!watching && !stopped) {
                startWatching();
            }
        } catch (problem) {
            // A view only just created may not be projected yet (404), nor show a partner who only just
            // joined (403, it is not theirs yet): a retry brings it.
            if (NOT_YET.has(problem.status) && !view && attempt < NOT_YET_RETRIES.length) {
                setTimeout(() => !stopped && !view && fetchView(attempt + 1), NOT_YET_RETRIES[attempt]);
            } else if (NOT_YET.has(problem.status) && view && !stopped) {
                stop();
                onGone?.(problem);
            } else if (!stopped) {
                onError?.(problem);
            }
        }
    };

    const catchUp = () => {
        fetchView();
        setTimeout(() => !stopped && fetchView(), SUBSCRIPTION_HOLDS_AFTER_MS);
    };

    function startWatching() {
        watching = [
            watch(topic, (pushed) => {
                if (!view || pushed.version <= view.version) {
                    return; // seen already, or the fetch under way brings it
                }
                if (pushed.version > view.version + 1) {
                    fetchView();
                } else {
                    show(applyChange(view, pushed));
                }
            }),
            onConnect(catchUp),
            // Checked before the connection is made again, so a view that is no longer ours is not asked for.
            onAccessEnded(() => fetchView()),
        ];
        catchUp();
    }

    function stop() {
        stopped = true;
        watching?.forEach((undo) => undo());
        document.removeEventListener('visibilitychange', refreshWhenSeen);
    }

    const refreshWhenSeen = () => document.visibilityState === 'visible' && fetchView();
    document.addEventListener('visibilitychange', refreshWhenSeen);
    if (initial) {
        show(initial);
        startWatching();
    } else {
        fetchView();
    }

    /** Adds the next page of older items of one of the view's lists; says whether there are older still. */
    async function loadOlder(list) {
        const page = pages.get(list) ?? 1;
        const older = await query(`${path}/lists/${list}?page=${page}&size=${PAGE_SIZE}`);
        if (stopped || !view) {
            return false;
        }
        pages.set(list, page + 1);
        const held = new Set((view[list] ?? []).map((item) => keyOf(item, older.keyFields)));
        const fresh = older.items.filter((item) => !held.has(keyOf(item, older.keyFields)));
        view = { ...view, [list]: older.newestFirst ? [...view[list], ...fresh] : [...fresh, ...view[list]] };
        onView(view);
        return older.more;
    }

    return {
        get view() {
            return view;
        },
        /** Whether a list as fetched may have older items than it holds. */
        mayHaveOlder: (list) => (view?.[list]?.length ?? 0) >= PAGE_SIZE,
        loadOlder,
        refresh: () => fetchView(),
        stop,
    };
}
