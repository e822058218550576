// Safety concerns told to the signed-in therapist, on every screen of theirs, at once: pushed on their
// own destination (which no partner and no other therapist may hear) and read once on sign-in, they
// stay as a banner at the top until the therapist says they have read each one. Reading it is recorded.
// The banner is discreet: a therapist's screen may be seen or shared (while observing a session), so
// the words show only when asked for, and what is read aloud never holds them.
import { command, query } from '../api.js';
import { fill, h, when } from '../dom.js';
import { onPress, problemBox } from '../forms.js';
import { onConnect, watch } from '../live.js';

/** Mounts the banner in slot for this therapist; returns { refresh(), stop() }. */
export function concernBanner({ slot, therapistId, announce }) {
    const unread = new Map();           // concernId → the concern, newest first when shown
    const list = h('ul', { class: 'concern-list' });
    const el = h('section', { class: 'concern-banner', 'aria-labelledby': 'concern-title', hidden: true },
        h('h2', { id: 'concern-title', role: 'alert' }, 'A partner raised a safety concern'),
        h('p', {}, 'Only you, and any other therapist the couple has welcomed, were told. Their partner does not know. '
            + 'Open it where no one else can see your screen.'),
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
        const words = h('p', { class: 'concern-words', dir: 'auto', id: `concern-${concern.concernId}`, hidden: true },
            concern.words || 'No words were given: they only said they do not feel safe and would like you to reach out.');
        const show = h('button', { class: 'button', type: 'button', 'aria-expanded': 'false', 'aria-controls': words.id }, 'Show it');
        show.addEventListener('click', () => {
            words.hidden = !words.hidden;
            show.setAttribute('aria-expanded', String(!words.hidden));
            show.textContent = words.hidden ? 'Show it' : 'Hide it';
        });
        return h('li', { class: 'concern' },
            h('p', { class: 'muted small' }, 'Raised ', when(concern.raisedAt), ' · ',
                h('a', { href: `#/couples/${concern.coupleId}` }, 'Open the couple')),
            words,
            h('div', { class: 'row-actions' }, show, read), box);
    }

    function arrived(concern) {
        if (!concern.concernId) {
            return;                                 // a caseload notice, not a concern
        }
        if (concern.seenAt) {
            unread.delete(concern.concernId);      // read on another screen of theirs
        } else if (!unread.has(concern.concernId)) {
            unread.set(concern.concernId, concern);
            announce('A partner raised a safety concern.');
        }
        render();
    }

    /** Adds what is unread to what was pushed meanwhile: a concern pushed while asking is not dropped. */
    async function load() {
        try {
            const concerns = (await query('my/safety-concerns')) ?? [];
            concerns.forEach((concern) => unread.has(concern.concernId) || unread.set(concern.concernId, concern));
            render();
        } catch {
            // Pushed concerns still arrive; the next reconnect (or screen) asks again.
        }
    }

    const unwatch = watch(`/topic/therapists.${therapistId}`, arrived);
    // Anything raised while the connection was down is read again once it is back.
    const unlisten = onConnect(load);
    load();
    return {
        /** Asks again, as each screen opens: a couple whose consent is gone since is left out by the service. */
        refresh() {
            unread.clear();
            load();
        },
        stop() {
            unwatch();
            unlisten();
            slot.replaceChildren();
        },
    };
}
