// A therapist's code card: the short code couples enter to invite them (K7QF-2MZD, like a couple's
// invitation code), issued the first time the therapist opens their page and the same ever after.
import { put } from '../api.js';
import { h } from '../dom.js';
import { problemBox } from '../forms.js';

export function therapistCodeCard({ announce }) {
    const code = h('code', { class: 'code', id: 'therapist-code' }, '');
    const copy = h('button', { class: 'button quiet', type: 'button', 'aria-describedby': 'therapist-code-title', hidden: true }, 'Copy code');
    const box = problemBox();
    const waiting = h('p', { class: 'muted' }, 'Fetching your code…');
    copy.addEventListener('click', async () => {
        try {
            await navigator.clipboard.writeText(code.textContent);
            copy.textContent = 'Copied';
            announce('Your therapist code is copied.');
        } catch {
            // No clipboard here (plain http, or refused): select it, so copying is one keystroke away.
            getSelection().selectAllChildren(code);
        }
    });
    put('therapist-code').then(({ therapistCode: issued }) => {
        code.textContent = issued;
        copy.hidden = false;
        waiting.remove();
    }).catch((problem) => {
        waiting.remove();
        box.textContent = `Your code could not be fetched just now. ${problem.message} Reload the page to try again.`;
        box.hidden = false;
    });
    return h('section', { class: 'card invite', 'aria-labelledby': 'therapist-code-title' },
        h('h2', { id: 'therapist-code-title' }, 'Your therapist code'),
        h('p', {}, 'Give this code to the couples you work with. They enter it in Duet to invite you; you see their couple once both partners consent.'),
        waiting,
        h('p', { class: 'code-row' }, code, copy),
        box);
}
