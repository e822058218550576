// Keeps one view (a couple's or a session's) current: pushed over STOMP, fetched over REST when
// needed. The version counts the events applied to the view without gaps, so:
//   push version <= shown        -> already seen, ignore
//   push version == shown + 1    -> the next one, show it
//   push version  > shown + 1    -> something was missed, refetch over REST
// The server lets a browser listen only to a view it may read, and a view that is not projected
// yet cannot be read: so it fetches first, subscribes once the view is there, then fetches again,
// which brings whatever was pushed before the subscription took hold.
// A view once shown that the server then refuses (403) or no longer has (404) is gone: access to it
// ended, or it was erased. The feed stops and says so through onGone.
import { query } from './api.js';
import { onAccessEnded, onConnect, watch } from './live.js';

const NOT_YET_RETRIES = [150, 300, 600, 1200, 2400];
// A SUBSCRIBE takes hold on the server a moment after the page sends it, and a change pushed in
// between reaches no one: a second fetch, once the subscription surely holds, brings it.
const SUBSCRIPTION_HOLDS_AFTER_MS = 1000;
const NOT_YET = new Set([403, 404]);

/** initial: a view already fetched (e.g. in a list), shown at once and then kept current. */
export function follow({ topic, path, onView, onError, onGone = onError, initial = null }) {
    let view = null;
    let stopped = false;
    let watching = null;        // the functions that undo the subscription, once there is one

    const show = (next) => {
        if (stopped || (view && next.version <= view.version)) {
            return;
        }
        view = next;
        onView(next);
    };

    const fetchView = async (attempt = 0) => {
        try {
            show(await query(path));
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
                if (view && pushed.version > view.version + 1) {
                    fetchView();
                } else {
                    show(pushed);
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

    return {
        get view() {
            return view;
        },
        refresh: () => fetchView(),
        stop,
    };
}
