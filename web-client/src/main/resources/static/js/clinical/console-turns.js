// The turning points of a session in one place on the observer console: each softening or
// re-engagement a partner voiced waits here, with one button, until the observing therapist confirms
// it as a change event (it then counts in the couple's cycle); the confirmed ones are listed below.
// The session confirms only while it runs and only from the therapist observing it.
import { command } from '../api.js';
import { h, renderList, when } from '../dom.js';
import { onPress, problemBox } from '../forms.js';
import { spelledOut } from '../words.js';

const AS = { BLAMER_SOFTENING: 'a softening', WITHDRAWER_REENGAGEMENT: 'a re-engagement' };

export function turningPointsCard({ me, sessionId, announce }) {
    const waiting = h('ol', { class: 'console-turns-waiting', 'aria-labelledby': 'console-turns-title' });
    const none = h('p', { class: 'muted' }, 'Nothing waits for your confirmation.');
    const why = h('p', { class: 'hint', hidden: true });
    const confirmedTitle = h('h3', { id: 'console-turns-confirmed' }, 'Confirmed');
    const confirmed = h('ol', { class: 'console-turns-confirmed', 'aria-labelledby': 'console-turns-confirmed' });
    const el = h('section', { class: 'card stack console-turns', 'aria-labelledby': 'console-turns-title' },
        h('h2', { id: 'console-turns-title', tabindex: -1 }, 'Turning points to confirm'),
        h('p', { class: 'hint' }, 'When a partner softens or re-engages, it waits here. Confirmed by you, it counts as a change in their cycle.'),
        why, none, waiting, confirmedTitle, confirmed);
    let justConfirmed = null;       // the move whose confirmation takes the focus along to the confirmed list

    /** nameOf(partnerId): a partner's name; labels: the words of the exercises' choices. */
    function update(view, { nameOf, labels }) {
        const running = view.status === 'RUNNING';
        const observing = (view.observers ?? []).some((o) => o.therapistId === me);
        const moves = view.moves ?? [];
        const open = moves.filter((m) => !m.confirmedBy?.length);
        const done = moves.filter((m) => m.confirmedBy?.length);
        const canConfirm = running && observing;
        none.hidden = open.length > 0;
        why.hidden = canConfirm || open.length === 0;
        why.textContent = running ? 'You can confirm them once the partners see you observing.'
            : 'The session has ended: turning points are confirmed while it runs.';
        const focusWasHere = el.contains(document.activeElement);
        renderList(waiting, open, {
            key: (m) => m.moveId,
            signature: (m) => JSON.stringify([m, canConfirm, nameOf(m.partnerId)]),
            render: (m) => waitingItem(m, { canConfirm, nameOf, labels, confirm }),
        });
        confirmedTitle.hidden = done.length === 0;
        renderList(confirmed, done, {
            key: (m) => m.moveId,
            signature: (m) => JSON.stringify([m, nameOf(m.partnerId)]),
            render: (m) => h('li', { class: 'let-out of-move', tabindex: -1 }, head(m, nameOf, labels),
                h('p', { class: 'entry-text', dir: 'auto' }, m.words),
                h('p', { class: 'privacy shared' }, 'Confirmed as a turning point')),
        });
        // The confirmed move leaves its list with the button that had the focus: the focus follows it.
        const moved = justConfirmed && confirmed.querySelector(`[data-key="${CSS.escape(justConfirmed)}"]`);
        if (moved && (focusWasHere || document.activeElement === document.body)) {
            moved.focus();
            justConfirmed = null;
        }
    }

    async function confirm(move) {
        await command(`sessions/${sessionId}/moves/${move.moveId}/confirm`);
        justConfirmed = move.moveId;
        announce(`Confirmed as ${AS[move.change] ?? 'a turning point'}.`);
    }

    return { el, update };
}

function waitingItem(move, { canConfirm, nameOf, labels, confirm }) {
    const box = problemBox();
    const wordsId = `turn-words-${move.moveId}`;
    const button = canConfirm && h('button', { class: 'button primary', type: 'button', 'aria-describedby': wordsId },
        `Confirm as ${AS[move.change] ?? 'a turning point'}`);
    if (button) {
        onPress(button, box, () => confirm(move));
    }
    return h('li', { class: 'let-out of-move waiting', tabindex: -1 }, head(move, nameOf, labels),
        h('p', { class: 'entry-text', dir: 'auto', id: wordsId }, move.words),
        button, box);
}

function head(move, nameOf, labels) {
    return h('p', { class: 'bid-head' }, h('strong', { dir: 'auto' }, nameOf(move.partnerId)), ' · ',
        labels[`change.${move.change}`] ?? spelledOut(move.change), ' · ', when(move.voicedAt));
}
