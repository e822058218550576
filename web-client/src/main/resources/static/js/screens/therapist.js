// A therapist's page: the code couples need to invite them. The couples themselves come later.
import { h } from '../dom.js';

export function therapistScreen({ person, announce }) {
    const code = h('code', { class: 'long-code', id: 'therapist-code' }, person.id);
    const copy = h('button', { class: 'button quiet', type: 'button', 'aria-describedby': 'therapist-code-title' }, 'Copy code');
    copy.addEventListener('click', async () => {
        try {
            await navigator.clipboard.writeText(person.id);
            copy.textContent = 'Copied';
            announce('Your therapist code is copied.');
        } catch {
            // No clipboard here (plain http, or refused): select it, so copying is one keystroke away.
            getSelection().selectAllChildren(code);
        }
    });

    const el = h('div', { class: 'screen' },
        h('section', { class: 'hero' },
            h('h1', { tabindex: -1 }, person.name ? `Welcome, ${person.name}` : 'Welcome'),
            h('p', { class: 'lead' }, 'Here you will accompany the couples who choose to work with you.')),
        h('section', { class: 'card invite', 'aria-labelledby': 'therapist-code-title' },
            h('h2', { id: 'therapist-code-title' }, 'Your therapist code'),
            h('p', {}, 'Give this code to the couples you work with. They enter it in Duet to invite you.'),
            h('p', { class: 'code-row' }, code, copy)),
        h('section', { class: 'card stack', 'aria-labelledby': 'caseload-title' },
            h('h2', { id: 'caseload-title' }, 'Your couples'),
            h('p', { class: 'muted' }, 'Couples who invite you will appear here. This part of Duet is still being built, so for now this list stays empty.')));
    return { el, title: 'Your therapist code' };
}
