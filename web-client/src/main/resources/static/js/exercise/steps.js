// The exercise's steps, as buttons to go to each: side by side where the screen is wide; on a phone
// the step one is at, whole, with the steps before it and after it folded away (still a tap away).
// Each button says how the step's answers leave, how far the two are, and who is at it now.
import { h, namesJoined, renderList } from '../dom.js';

const SHARING_BADGE = { OWN: 'Only you', SHARED: 'Shared when you choose', REVEALED: 'Revealed together' };
const PHONE = '(max-width: 40rem)';

/** onGo(key): the partner asks for a step. */
export function stepsPart({ onGo }) {
    const phone = matchMedia(PHONE);
    const all = h('ol', { class: 'step-list', 'aria-label': 'Steps' });
    const earlierList = h('ol', { class: 'step-list' });
    const earlierSummary = h('summary');
    const earlier = h('details', { class: 'steps-earlier' }, earlierSummary, earlierList);
    const now = h('ol', { class: 'step-list step-now', 'aria-label': 'The step you are at' });
    const laterList = h('ol', { class: 'step-list' });
    const laterSummary = h('summary');
    const later = h('details', { class: 'steps-later' }, laterSummary, laterList);
    const el = h('div', { class: 'steps' });

    let last = null;
    // Turning a phone, or widening a window, lays the steps out anew.
    const relayout = () => last && render(last);
    phone.addEventListener('change', relayout);

    /** steps: the guide's steps in order; current: the key of the step shown; view: the session; nameOf(id). */
    function render(args) {
        last = args;
        const { steps, current } = args;
        const button = (s) => stepButton(s, args, onGo);
        const item = { key: (s) => s.key, signature: (s) => signature(s, args), render: button };
        if (!phone.matches) {
            el.classList.remove('folded');
            if (all.parentElement !== el) {
                el.replaceChildren(all);
            }
            renderList(all, steps, item);
            return;
        }
        el.classList.add('folded');
        if (now.parentElement !== el) {
            el.replaceChildren(earlier, now, later);
        }
        const at = Math.max(0, steps.findIndex((s) => s.key === current));
        const before = steps.slice(0, at);
        const after = steps.slice(at + 1);
        renderList(earlierList, before, item);
        renderList(now, steps.slice(at, at + 1), {
            ...item,
            signature: (s) => `${signature(s, args)}|${at}`,
            render: (s) => {
                const li = button(s);
                li.querySelector('.step-title').before(h('span', { class: 'step-meta small' }, `Step ${at + 1} of ${steps.length}`));
                return li;
            },
        });
        renderList(laterList, after, item);
        earlier.hidden = before.length === 0;
        later.hidden = after.length === 0;
        earlierSummary.textContent = before.length === 1 ? 'One earlier step' : `${before.length} earlier steps`;
        laterSummary.textContent = after.length === 1 ? 'One step still to come' : `${after.length} steps still to come`;
    }

    return { el, render, stop: () => phone.removeEventListener('change', relayout) };
}

function signature(s, { current, view, progress }) {
    return JSON.stringify([s.key, current, view.partners.map((p) => [p.step, p.present]), progress(s.key)]);
}

function stepButton(s, { current, view, nameOf, progress }, onGo) {
    const here = view.partners.filter((p) => p.step === s.key && p.present).map((p) => nameOf(p.partnerId));
    const state = progress(s.key);
    const button = h('button', { type: 'button', class: 'step-button', 'aria-current': s.key === current ? 'step' : null },
        h('span', { class: 'step-title' }, s.title),
        h('span', { class: 'step-meta small' }, SHARING_BADGE[s.sharing],
            state?.revealedAt ? ' · revealed' : state?.countdown ? ' · opening' : state?.readyBy?.length ? ` · ${state.readyBy.length} of 2 ready` : ''),
        here.length ? h('span', { class: 'step-here small' }, namesJoined(here, ' and '), here.length === 1 && here[0] === 'You' ? ' are here' : ' here') : null);
    button.addEventListener('click', () => onGo(s.key));
    return h('li', {}, button);
}
