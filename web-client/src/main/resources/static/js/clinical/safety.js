// "Tell your therapist privately": a partner's safety concern goes to the therapists both partners
// consented to, and to no one else. The other partner may look at this same screen, so nothing about
// a sent message stays on it: the confirmation goes as soon as it is dismissed or the page is hidden.
import { command } from '../api.js';
import { h } from '../dom.js';
import { countedText, onSubmit, problemBox } from '../forms.js';

const MAX_WORDS = 2000;

export function safetyCard({ coupleId, announce }) {
    const words = countedText({ id: 'concern-words', name: 'words', label: 'What you want them to know', max: MAX_WORDS, rows: 4,
        hint: 'Words are optional: sending an empty message also tells them you want to talk.' });
    const recipients = h('span', {}, 'your therapist');
    const readers = h('span', {}, 'your therapist');
    const form = h('form', { class: 'stack' },
        h('p', {}, 'Only ', recipients, ' receives this. Your partner never sees it and is not told that anything was sent.'),
        words.el,
        problemBox(),
        h('button', { class: 'button primary', type: 'submit' }, 'Send privately'));
    const done = h('button', { class: 'button', type: 'button' }, 'Done');
    const sent = h('div', { class: 'stack', hidden: true },
        h('p', { class: 'notice', role: 'status' }, 'Sent. Only ', readers, ' can read it.'),
        done);
    onSubmit(form, async () => {
        await command(`couples/${coupleId}/safety-concerns`, { words: words.textarea.value.trim() });
        words.reset();
        form.hidden = true;
        sent.hidden = false;
        done.focus();
        announce('Sent privately to your therapist.');
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

    const el = h('section', { class: 'card stack private-card', 'aria-labelledby': 'concern-title', hidden: true },
        h('h2', { id: 'concern-title' }, 'Tell your therapist privately'),
        form, sent,
        h('p', { class: 'hint' }, 'If you are in danger right now, please call your local emergency number.'));

    return {
        el,
        update(view) {
            const active = (view.therapists ?? []).filter((t) => t.access === 'ACTIVE').map((t) => t.therapistName);
            el.hidden = active.length === 0;
            const names = active.length < 2 ? active.join('') || 'your therapist' : `${active.slice(0, -1).join(', ')} and ${active.at(-1)}`;
            recipients.textContent = names;
            readers.textContent = names;
        },
        stop() {
            document.removeEventListener('visibilitychange', whenHidden);
        },
    };
}
