// The unread count in the header: read once, then kept current by what Duet pushes on the person's own
// destination (which nobody else may hear). A link to the notifications screen, #/notifications.
import { query } from '../api.js';
import { h } from '../dom.js';
import { onConnect, watch } from '../live.js';

/** The bell for this person; returns { el, stop() }. announce(text) tells a screen reader of news. */
export function notificationBell({ person, announce }) {
    const count = h('span', { class: 'bell-count', hidden: true });
    const label = h('span', { class: 'visually-hidden' }, 'Notifications');
    const el = h('a', { class: 'notification-bell', href: '#/notifications' }, label, ' ', count);
    let unread = 0;

    function show(view, pushed) {
        const next = view?.unread ?? 0;
        if (pushed && next > unread) {
            announce?.(next === 1 ? 'You have a new notification.' : `You have ${next} unread notifications.`);
        }
        unread = next;
        count.hidden = unread === 0;
        count.textContent = unread >= 50 ? '50+' : String(unread);
        label.textContent = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
    }

    async function load() {
        try {
            show(await query('my/notifications'), false);
        } catch {
            // Pushes still arrive; the next reconnect asks again.
        }
    }

    const unwatch = watch(`/topic/people.${person}`, (view) => show(view, true));
    const unlisten = onConnect(load);
    load();
    return {
        el,
        stop() {
            unwatch();
            unlisten();
        },
    };
}
