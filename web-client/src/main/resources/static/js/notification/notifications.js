// #/notifications: what happened while the person was elsewhere, newest first, each linking to where it
// happened; and their choices: which kinds they get here, and which reminders come by mail. Reading and
// choosing are commands; the list follows what Duet pushes on the person's own destination.
import { command, query } from '../api.js';
import { fill, h, when } from '../dom.js';
import { onPress, problemBox } from '../forms.js';
import { watch } from '../live.js';

const KINDS = [
    ['CONSENT_REQUEST', 'A therapist waits for your consent'],
    ['PARTNER_IN_SESSION', 'Your partner starts or joins a session'],
    ['BID', 'Your partner makes a bid for connection'],
    ['SHARE', 'An answer is shared or revealed'],
    ['HOMEWORK_SET', 'Your therapist sets homework'],
    ['HOMEWORK_DUE', 'Homework is due soon'],
    ['CHECKPOINT_COMING', 'A check-point comes up'],
    ['COMMITMENT_PROPOSED', 'Your therapist proposes a commitment'],
];
const BY_MAIL = ['HOMEWORK_DUE', 'CHECKPOINT_COMING'];

/** The screen for this person; returns { el, stop() }. */
export function notificationsScreen({ person, announce }) {
    const list = h('ol', { class: 'notifications', 'aria-labelledby': 'notifications-title' });
    const empty = h('p', { class: 'muted' }, 'Nothing new.');
    const listProblem = problemBox();
    const readAll = h('button', { class: 'button', type: 'button' }, 'Mark all read');
    let latest = [];

    function render(view) {
        latest = view?.latest ?? [];
        empty.hidden = latest.length > 0;
        readAll.hidden = !latest.some((n) => !n.read);
        fill(list, latest.map((n) => h('li', { class: n.read ? 'notification read' : 'notification unread' },
            h('a', { href: n.link }, n.text), ' ',
            h('span', { class: 'muted small' }, when(n.at), n.read ? '' : ' · new'))));
    }

    onPress(readAll, listProblem, async () => {
        const unread = latest.filter((n) => !n.read).map((n) => n.notificationId);
        if (unread.length > 0) {
            await command('my/notifications/read', { notificationIds: unread });
            announce?.('Marked read.');
        }
    });

    const choicesProblem = problemBox();
    const inApp = new Map(KINDS.map(([kind, words]) => [kind, checkbox(`in-app-${kind}`, words)]));
    const byMail = new Map(BY_MAIL.map((kind) => [kind, checkbox(`by-mail-${kind}`,
        KINDS.find(([k]) => k === kind)[1] + ', by mail')]));
    const save = h('button', { class: 'button primary', type: 'button' }, 'Keep these choices');
    onPress(save, choicesProblem, async () => {
        await command('my/notifications/choices', {
            inApp: [...inApp].filter(([, box]) => box.input.checked).map(([kind]) => kind),
            byMail: [...byMail].filter(([, box]) => box.input.checked).map(([kind]) => kind),
        });
        announce?.('Your choices are kept.');
    });

    const el = h('div', { class: 'screen stack' },
        h('h1', { id: 'notifications-title', tabindex: -1 }, 'Notifications'),
        h('section', { class: 'card stack' }, h('div', { class: 'row-actions' }, readAll), empty, list, listProblem),
        h('section', { class: 'card stack', 'aria-labelledby': 'choices-title' },
            h('h2', { id: 'choices-title' }, 'What you get'),
            h('fieldset', { class: 'choices' }, h('legend', {}, 'Here in Duet'), ...[...inApp.values()].map((box) => box.el)),
            h('fieldset', { class: 'choices' }, h('legend', {}, 'By mail, where this Duet sends mail'),
                h('p', { class: 'hint' }, 'A mail only says that something is waiting, never what anyone wrote.'),
                ...[...byMail.values()].map((box) => box.el)),
            h('div', { class: 'row-actions' }, save), choicesProblem));

    async function load() {
        try {
            render(await query('my/notifications'));
            const chosen = await query('my/notification-choices');
            inApp.forEach((box, kind) => { box.input.checked = chosen.inApp.includes(kind); });
            byMail.forEach((box, kind) => { box.input.checked = chosen.byMail.includes(kind); });
        } catch (problem) {
            listProblem.textContent = problem?.message ?? 'Your notifications cannot be shown just now.';
            listProblem.hidden = false;
        }
    }

    const unwatch = watch(`/topic/people.${person}`, render);
    load();
    return { el, title: 'Notifications', stop: unwatch };
}

function checkbox(id, words) {
    const input = h('input', { type: 'checkbox', id });
    return { input, el: h('div', { class: 'choice-option' }, input, h('label', { for: id }, words)) };
}
