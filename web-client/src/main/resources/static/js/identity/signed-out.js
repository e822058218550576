// Before signing in: what Duet is, the way in, and an account for those who have none yet.
import { openAccount } from '../api.js';
import { signIn } from '../auth.js';
import { h } from '../dom.js';
import { field, onPress, onSubmit, problemBox } from '../forms.js';

const NOTICES = {
    'signed-out': 'You are signed out. See you next time.',
    expired: 'Your sign-in has ended, so Duet paused here. Please sign in again to carry on.',
};

/** Where the issuer's own pages send a person it has just signed in (a confirmed address, a new password). */
const SIGNED_IN_AT_THE_ISSUER = '#/signed-in';

/** notice: a key of NOTICES, or a sentence of its own; focusSignUp: start at the account form (#/sign-up). */
export function signedOutScreen({ notice, focusSignUp = false } = {}) {
    const noticeBox = h('p', { class: 'notice', role: 'status' }, NOTICES[notice] ?? notice);
    noticeBox.hidden = !notice;

    const signInProblem = problemBox();
    const signInButton = h('button', { class: 'button primary', type: 'button' }, 'Sign in');
    onPress(signInButton, signInProblem, () => signIn());
    const welcomeBack = h('section', { class: 'card stack', 'aria-labelledby': 'sign-in-title' },
        h('h2', { id: 'sign-in-title' }, 'Welcome back'),
        h('p', { class: 'muted' }, 'Already have an account? Sign in to find your couple and your sessions.'),
        signInProblem,
        signInButton);

    const roles = h('fieldset', { class: 'choices' },
        h('legend', {}, 'How will you use Duet?'),
        choice('PARTNER', 'I am a partner', 'Doing the exercises together with my partner.', true),
        choice('THERAPIST', 'I am a therapist', 'Accompanying couples who invite me.'));
    const mailed = h('p', { class: 'notice', role: 'status', hidden: true });
    const signUp = h('form', { class: 'card stack', 'aria-labelledby': 'sign-up-title', id: 'sign-up' },
        h('h2', { id: 'sign-up-title', tabindex: -1 }, 'Open an account'),
        field({ id: 'sign-up-name', name: 'displayName', label: 'Your name', hint: 'As others in Duet will see it.',
            required: true, maxlength: 60, autocomplete: 'nickname' }),
        field({ id: 'sign-up-email', name: 'email', label: 'E-mail address', type: 'email', required: true,
            maxlength: 254, autocomplete: 'email', spellcheck: 'false' }),
        field({ id: 'sign-up-password', name: 'password', label: 'Password', type: 'password', hint: 'At least 10 characters; a few unrelated words together are easy to remember and hard to guess.',
            required: true, minlength: 10, maxlength: 72, autocomplete: 'new-password' }),
        roles,
        problemBox(),
        mailed,
        h('button', { class: 'button', type: 'submit' }, 'Open my account'));
    onSubmit(signUp, async (form) => {
        const email = form.get('email').trim();
        const opened = await openAccount({
            email,
            password: form.get('password'),
            displayName: form.get('displayName').trim(),
            role: form.get('role'),
        });
        if (opened?.signedIn) {
            // The account is open and the issuer already knows it is them: signing in asks for nothing more.
            await signIn({ loginHint: email });
            return;
        }
        // Where Duet sends mail, the account opens from the link mailed to the address.
        signUp.reset();
        mailed.textContent = `We sent a link to ${email}. Open it to finish opening your account; it works for a day.`;
        mailed.hidden = false;
        mailed.focus?.();
    });
    if (location.hash === SIGNED_IN_AT_THE_ISSUER) {
        history.replaceState(null, '', location.pathname);
        noticeBox.textContent = 'Your account is ready. Signing you in…';
        noticeBox.hidden = false;
        signIn().catch((problem) => {
            noticeBox.textContent = problem.message;
        });
    }

    const el = h('div', { class: 'screen' },
        h('section', { class: 'hero' },
            h('h1', { tabindex: -1 }, 'Time together, on purpose'),
            h('p', { class: 'lead' }, 'Duet is one calm place where two partners do guided exercises side by side, live, each from their own device.'),
            noticeBox),
        h('div', { class: 'grid two' }, welcomeBack, signUp));

    return {
        el,
        title: focusSignUp ? 'Open an account' : 'Welcome',
        focus: focusSignUp ? () => signUp.querySelector('h2').focus() : null,
    };
}

function choice(value, label, hint, checked = false) {
    const id = `role-${value.toLowerCase()}`;
    return h('div', { class: 'choice-option' },
        h('input', { type: 'radio', name: 'role', id, value, checked, required: true, 'aria-describedby': `${id}-hint` }),
        h('label', { for: id }, label, h('span', { class: 'hint', id: `${id}-hint` }, hint)));
}
