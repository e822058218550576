// Keeps one view (a couple's or a session's) current: pushed over STOMP, fetched over REST when
// needed. The version counts the events applied to the view without gaps, so:
//   push version <= shown        -> already seen, ignore
//   push version == shown + 1    -> the next one, show it
//   push version  > shown + 1    -> something was missed, refetch over REST
// It subscribes first and fetches second, so nothing can slip through between the two.
import { query } from './api.js';
import { onConnect, watch } from './live.js';

const NOT_YET_RETRIES = [150, 300, 600, 1200, 2400];

export function follow({ topic, path, onView, onError }) {
    let view = null;
    let stopped = false;

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
        } catch (problem) {
            // A view that was only just created may not be projected yet: a push or a retry brings it.
            if (problem.status === 404 && !view && attempt < NOT_YET_RETRIES.length) {
                setTimeout(() => !stopped && !view && fetchView(attempt + 1), NOT_YET_RETRIES[attempt]);
            } else if (!stopped) {
                onError?.(problem);
            }
        }
    };

    const unwatch = watch(topic, (pushed) => {
        if (view && pushed.version > view.version + 1) {
            fetchView();
        } else {
            show(pushed);
        }
    });
    const stopCatchingUp = onConnect(() => fetchView());
    const refreshWhenSeen = () => document.visibilityState === 'visible' && fetchView();
    document.addEventListener('visibilitychange', refreshWhenSeen);
    fetchView();

    return {
        get view() {
            return view;
        },
        refresh: () => fetchView(),
        stop() {
            stopped = true;
            unwatch();
            stopCatchingUp();
            document.removeEventListener('visibilitychange', refreshWhenSeen);
        },
    };
}
