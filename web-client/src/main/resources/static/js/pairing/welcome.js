// A partner without a couple yet: open one, or join the one their partner opened. Their name is the
// one they gave at sign-up (asked once, never again here); only an account without one is asked.
import { command } from '../api.js';
import { h } from '../dom.js';
import { field, onSubmit, problemBox } from '../forms.js';

function yourName(id, name) {
    if (name.trim()) {
        return h('p', { class: 'muted' }, 'Your partner will see you as ', h('strong', {}, h('bdi', {}, name.trim())), '.');
    }
    return field({ id, name: 'displayName', label: 'Your name', hint: 'As your partner will see it.', required: true, maxlength: 60, autocomplete: 'nickname' });
}

export function welcomeScreen({ name = '', onCouple }) {
    const displayName = (form) => (form.get('displayName') ?? name).trim();
    const create = h('form', { class: 'stack', 'aria-labelledby': 'create-title' },
        h('h2', { id: 'create-title' }, 'Start as a couple'),
        h('p', { class: 'muted' }, 'Open a shared space for the two of you. You will get a code to pass on to your partner.'),
        yourName('create-name', name),
        problemBox(),
        h('button', { class: 'button primary', type: 'submit' }, 'Create our couple'));
    onSubmit(create, async (form) => {
        const created = await command('couples', { displayName: displayName(form) });
        onCouple(created.coupleId, created.invitationCode);
    });

    const join = h('form', { class: 'stack', 'aria-labelledby': 'join-title' },
        h('h2', { id: 'join-title' }, 'Join your partner'),
        h('p', { class: 'muted' }, 'Your partner already started? Enter the code they gave you.'),
        yourName('join-name', name),
        field({ id: 'join-code', name: 'invitationCode', label: 'Invitation code', required: true, maxlength: 20, autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', class: 'code-input' }),
        problemBox(),
        h('button', { class: 'button', type: 'submit' }, 'Join'));
    onSubmit(join, async (form) => {
        const joined = await command('couples/join', {
            invitationCode: form.get('invitationCode').trim(),
            displayName: displayName(form),
        });
        onCouple(joined.coupleId);
    });

    const el = h('div', { class: 'screen' },
        h('section', { class: 'hero' },
            h('h1', { tabindex: -1 }, 'Time together, on purpose'),
            h('p', { class: 'lead' }, 'Duet gives the two of you one calm place for guided exercises, done side by side and live, each from your own device.')),
        h('div', { class: 'grid two' },
            h('section', { class: 'card' }, create),
            h('section', { class: 'card' }, join)));
    return { el, title: 'Welcome' };
}
