// "Tell your therapist privately": a partner's safety concern goes to the therapists both partners
// consented to, and to no one else, at once. The other partner may look at this same screen, so nothing
// about it stays on the device: no draft is kept, the browser is asked not to remember the words, the
// confirmation goes as soon as it is dismissed or the page is hidden, and a quick exit replaces the page
// with one that draws no attention.
import { command, query } from '../api.js';
import { leaveNow } from '../auth.js';
import { fill, h, namesJoined } from '../dom.js';
import { countedText, onSubmit, problemBox } from '../forms.js';
import { forgetUnsaved } from '../unsaved.js';

const MAX_WORDS = 2000;
/** What shows if the service's own list cannot be had: never no one to call. */
const ANYWHERE = {
    crisisContacts: [{ name: 'Emergency services', how: 'Call your local emergency number: 112 across Europe, 911 in North America, 999 in the UK.' }],
    quickExitUrl: 'https://www.bbc.com/weather',
};

let help = ANYWHERE;    // crisis contacts and the quick exit's page, as set for where Duet is used
let asked = null;

function loadHelp() {
    asked ??= query('safety-help').then((loaded) => {
        help = loaded ?? ANYWHERE;
        return help;
    }, () => {
        asked = null;
        return help;
    });
    return asked;
}

/** Leaves at once, signed out, for a page that draws no attention; nothing typed stays in this tab. */
function quickExit(words) {
    words.reset();
    forgetUnsaved();
    leaveNow(help.quickExitUrl);
}

export function safetyCard({ coupleId }) {
    const words = countedText({ id: 'concern-words', name: 'words', label: 'What you want them to know', max: MAX_WORDS, rows: 4,
        autocomplete: 'off', keep: false,
        hint: 'Words are optional: sending an empty message also tells them you want to talk.' });
    const recipients = h('span', {}, 'your therapist');
    const readers = h('span', {}, 'your therapist');
    const contacts = h('ul', { class: 'crisis-contacts' });
    const exit = h('button', { class: 'button quick-exit', type: 'button' }, 'Quick exit');
    exit.addEventListener('click', () => quickExit(words));
    const form = h('form', { class: 'stack', autocomplete: 'off' },
        h('p', {}, 'Only ', recipients, ' receives this, at once, on their screen. Your partner never sees it and is not told that anything was sent.'),
        words.el,
        problemBox(),
        h('button', { class: 'button primary', type: 'submit' }, 'Send privately'));
    const done = h('button', { class: 'button', type: 'button' }, 'Done');
    const sent = h('div', { class: 'stack', hidden: true },
        h('p', { class: 'notice', role: 'status' }, 'Sent. ', readers, ' can read it now, on any screen of theirs, and no one else can. '
            + 'Nothing of it stays on this page once you press Done.'),
        done);
    onSubmit(form, async () => {
        await command(`couples/${coupleId}/safety-concerns`, { words: words.textarea.value.trim() });
        words.reset();
        form.hidden = true;
        sent.hidden = false;
        done.focus();
    });
    const clear = () => {
        sent.hidden = true;
        form.hidden = false;
    };
    done.addEventListener('click', () => {
        clear();
        words.textarea.focus();
    });
    const whenHidden = () => document.visibilityState === 'hidden' && clear();
    document.addEventListener('visibilitychange', whenHidden);
    // Leaving the page (or having it kept for Back) takes what was typed and not sent with it.
    const whenLeaving = () => words.reset();
    addEventListener('pagehide', whenLeaving);

    const noTherapist = h('p', { class: 'muted' }, 'Once a therapist follows your work in Duet, you can tell them privately here.');
    const el = h('section', { class: 'card stack private-card', 'aria-labelledby': 'concern-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'concern-title' }, 'If you do not feel safe'), exit),
        noTherapist, form, sent,
        h('div', { class: 'crisis' }, h('p', {}, h('strong', {}, 'If you are in danger right now'), ', do not wait for an answer here:'),
            contacts),
        h('p', { class: 'hint' }, 'Quick exit leaves Duet at once for an everyday page, in place of this one.'));
    const showContacts = (shown) => fill(contacts, (shown.crisisContacts ?? []).map((contact) =>
        h('li', {}, h('strong', {}, contact.name), ': ', contact.how)));
    showContacts(help);
    loadHelp().then(showContacts);

    return {
        el,
        update(view) {
            const active = (view.therapists ?? []).filter((t) => t.access === 'ACTIVE').map((t) => t.therapistName);
            // Whom to call and the quick exit are always here; telling a therapist needs one.
            noTherapist.hidden = active.length > 0;
            form.hidden = active.length === 0 || !sent.hidden;
            const names = () => (active.length === 0 ? 'your therapist' : namesJoined(active, ', ', ' and ')); // each place gets its own <bdi>s
            fill(recipients, names());
            fill(readers, names());
        },
        stop() {
            document.removeEventListener('visibilitychange', whenHidden);
            removeEventListener('pagehide', whenLeaving);
        },
    };
}
