// When the other partner shares an answer at a step of the exercise, this partner hears of it wherever
// they are in the session: a small notice, kept in view at the screen's edge, names the step and offers
// to go there. It goes when they go to that step, or dismiss it. Reveals are announced by themselves.
import { h } from '../dom.js';

/** me: the signed-in partner; goTo(step): opens a step; stepTitle(step): its title; nameOf(id): a partner's name. */
export function sharedNotices({ me, goTo, stepTitle, nameOf, announce }) {
    // A polite live region: a notice is read out as it appears, without interrupting.
    const list = h('ul', { class: 'shared-notices', 'aria-label': 'Shared with you', 'aria-live': 'polite' });
    const notices = new Map();      // step -> { el, count }

    /** Called with each new view: a change pushed, not a page of older items, brings news. */
    function update(before, after, current) {
        if (!before || after.version <= before.version) {
            return;
        }
        const known = new Set((before.entries ?? []).map((e) => `${e.authorId}|${e.entryId}`));
        const sharingOf = new Map((after.steps ?? []).map((s) => [s.key, s.sharing]));
        for (const entry of after.entries ?? []) {
            if (entry.authorId === me || known.has(`${entry.authorId}|${entry.entryId}`) || sharingOf.get(entry.step) !== 'SHARED') {
                continue;
            }
            if (entry.step === current) {
                // It arrives in front of them.
                announce(`${nameOf(entry.authorId)} shared an answer with you at “${stepTitle(entry.step)}”.`);
            } else {
                add(entry);
            }
        }
    }

    function add(entry) {
        const notice = notices.get(entry.step) ?? { count: 0 };
        notice.count += 1;
        const text = [h('bdi', {}, nameOf(entry.authorId)),
            ` shared ${notice.count === 1 ? 'an answer' : `${notice.count} answers`} with you at “${stepTitle(entry.step)}”.`];
        const go = h('button', { class: 'button primary small', type: 'button' }, 'Go there');
        go.addEventListener('click', () => goTo(entry.step));
        const dismiss = h('button', { class: 'button quiet small', type: 'button', 'aria-label': 'Dismiss this notice' }, 'Dismiss');
        dismiss.addEventListener('click', () => seen(entry.step));
        const el = h('li', { class: 'shared-notice' }, h('p', {}, text), h('div', { class: 'row-actions' }, go, dismiss));
        if (notice.el) {
            notice.el.replaceWith(el);
        } else {
            list.append(el);
        }
        notice.el = el;
        notices.set(entry.step, notice);
    }

    /** The partner is at the step now: its notice has done its work. */
    function seen(step) {
        notices.get(step)?.el.remove();
        notices.delete(step);
    }

    return { el: list, update, seen };
}
