// Safety concerns told to the signed-in therapist, on every screen of theirs, at once: pushed on their
// own destination (which no partner and no other therapist may hear) and read once on sign-in, they
// stay as a banner at the top until the therapist says they have read each one. Reading it is recorded.
import { command, query } from '../api.js';
import { fill, h, when } from '../dom.js';
import { onPress, problemBox } from '../forms.js';
import { onConnect, watch } from '../live.js';

/** Mounts the banner in slot for this therapist; returns a function that stops it. */
export function concernBanner({ slot, therapistId, announce }) {
    const unread = new Map();           // concernId → the concern, newest first when shown
    const list = h('ul', { class: 'concern-list' });
    const el = h('section', { class: 'concern-banner', role: 'alert', 'aria-labelledby': 'concern-title', hidden: true },
        h('h2', { id: 'concern-title' }, 'A partner raised a safety concern'),
        h('p', {}, 'Only you, and any other therapist the couple has welcomed, were told. Their partner does not know.'),
        list);
    slot.replaceChildren(el);

    function render() {
        const concerns = [...unread.values()].sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt)));
        el.hidden = concerns.length === 0;
        fill(list, concerns.map((concern) => item(concern)));
    }

    function item(concern) {
        const box = problemBox();
        const read = h('button', { class: 'button primary', type: 'button' }, 'I have read it');
        onPress(read, box, async () => {
            await command(`couples/${concern.coupleId}/safety-concerns/${concern.concernId}/seen`);
            unread.delete(concern.concernId);
            render();
        });
        return h('li', { class: 'concern' },
            h('p', { class: 'concern-words', dir: 'auto' }, concern.words || 'No words were given: they only said they do not feel safe.'),
            h('p', { class: 'muted small' }, 'Raised ', when(concern.raisedAt), ' · ',
                h('a', { href: `#/couples/${concern.coupleId}` }, 'Open the couple')),
            h('div', { class: 'row-actions' }, read), box);
    }

    function arrived(concern) {
        if (concern.seenAt) {
            unread.delete(concern.concernId);      // read on another screen of theirs
        } else if (!unread.has(concern.concernId)) {
            unread.set(concern.concernId, concern);
            announce('A partner raised a safety concern.');
        }
        render();
    }

    async function load() {
        try {
            const concerns = (await query('my/safety-concerns')) ?? [];
            unread.clear();
            concerns.forEach((concern) => unread.set(concern.concernId, concern));
            render();
        } catch {
            // Pushed concerns still arrive; the next reconnect asks again.
        }
    }

    const unwatch = watch(`/topic/therapists.${therapistId}`, arrived);
    // Anything raised while the connection was down is read again once it is back.
    const unlisten = onConnect(load);
    load();
    return () => {
        unwatch();
        unlisten();
        slot.replaceChildren();
    };
}
