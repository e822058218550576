// The reveal of a step's answers as one moment for both partners: each marks their answers ready (and
// may take them back until both are); once both are, the server counts down a few seconds and opens
// them for both at its end. This part shows who is ready (never what they wrote), the countdown as it
// runs, the same on every screen, until the answers open together.
import { command } from '../api.js';
import { h, named } from '../dom.js';
import { onPress, problemBox } from '../forms.js';

const TICK_MS = 200;

/** An instant as the services send it (ISO-8601 text, or epoch seconds), in milliseconds. */
const millis = (instant) => (typeof instant === 'number' ? instant * 1000 : Date.parse(instant));

/**
 * me: the signed-in partner (none for an observer); nameOf(id): how to call a partner; announce(text):
 * said to screen readers. track(before, view) learns each new view's countdowns; box(...) is the step's part.
 */
export function revealPart({ me, sessionId, observer, announce, nameOf, stepTitle }) {
    const ends = new Map();     // step -> { endsAt, at }: the countdown the server set, and when it ends on this device's clock
    const shown = new Set();    // the countdown numbers on the page: { el, step }
    let ticking = null;

    /**
     * A countdown seen the moment it starts (the next pushed change) ends as long from now as it runs,
     * whatever this device's clock says, so both screens end it together; one found later (a page opened
     * meanwhile) ends when this device's clock says, within its length.
     */
    function track(before, view) {
        const next = before && view.version === before.version + 1;
        for (const step of view.steps ?? []) {
            const countdown = step.countdown;
            if (!countdown) {
                ends.delete(step.key);
                continue;
            }
            if (ends.get(step.key)?.endsAt === countdown.endsAt) {
                continue;
            }
            const length = millis(countdown.endsAt) - millis(countdown.startedAt);
            const started = next && before.steps?.find((s) => s.key === step.key)?.countdown?.endsAt !== countdown.endsAt;
            const left = started ? length : Math.min(length, Math.max(0, millis(countdown.endsAt) - Date.now()));
            ends.set(step.key, { endsAt: countdown.endsAt, at: Date.now() + left });
            if (started) {
                const who = observer ? 'Both partners are ready' : 'You are both ready';
                announce(`${stepTitle(step.key)}: ${who}. The answers open in ${Math.round(length / 1000)} seconds.`);
            }
        }
    }

    function secondsLeft(step) {
        const end = ends.get(step);
        return end ? Math.max(0, Math.ceil((end.at - Date.now()) / 1000)) : 0;
    }

    function tick() {
        for (const number of [...shown]) {
            if (!number.el.isConnected) {
                shown.delete(number);
                continue;
            }
            const left = secondsLeft(number.step);
            const text = left > 0 ? String(left) : 'now';
            if (number.el.textContent !== text) {
                number.el.textContent = text;
            }
        }
        if (shown.size === 0) {
            clearInterval(ticking);
            ticking = null;
        }
    }

    /** The countdown as it runs: a number that reaches "now" at the moment the answers open. */
    function countdownLine(step) {
        const number = h('strong', { class: 'countdown-number' }, String(secondsLeft(step.key) || 'now'));
        shown.add({ el: number, step: step.key });
        ticking ??= setInterval(tick, TICK_MS);
        const who = observer ? 'Both partners are ready.' : 'You are both ready.';
        // The number changes every second: a timer role, silent, so screen readers are not flooded.
        return h('p', { class: 'countdown', role: 'timer', 'aria-live': 'off' },
            `${who} The answers open for ${observer ? 'both of them, and you,' : 'both of you'} in `, number);
    }

    /** step: the guide's step; state: the view's step; mine: this partner's answers here; active: may act now. Nothing once revealed. */
    function box({ step, state, view, mine, active }) {
        if (state.revealedAt) {
            return null; // the step's own privacy line says it was revealed, and that both saw it at once
        }
        const problem = problemBox();
        const readyBy = state.readyBy ?? [];
        const isReady = (id) => readyBy.includes(id);
        const other = view.partners.find((p) => p.partnerId !== me);
        const readiness = (id) => [named`${nameOf(id)} `, isReady(id) ? 'is ready' : 'is not ready yet'];
        let status;
        let buttons = [];
        if (state.countdown) {
            status = countdownLine(step);
        } else if (observer) {
            status = [view.partners.map((p, n) => [n ? '; ' : '', readiness(p.partnerId)]),
                '. Nobody sees an answer before both are ready and the countdown ends.'];
        } else {
            const held = isReady(me) && isReady(other?.partnerId) && view.paused ? ' The countdown starts again when the session resumes.' : '';
            status = [isReady(me) ? 'Your answers are marked ready' : 'You have not marked your answers ready', '; ',
                readiness(other?.partnerId), '. Neither of you sees the other\'s answers before both are ready; then they open for both'
                + ' after a short countdown.' + held];
            if (active && !isReady(me) && mine.length > 0) {
                buttons = [button('Mark my answers ready', problem, async () => {
                    await command(`sessions/${sessionId}/steps/${step.key}/ready`);
                    announce(isReady(other?.partnerId) ? 'Ready. You are both ready: the countdown starts.' : 'Ready. Waiting for your partner.');
                }, 'primary')];
            } else if (active && isReady(me)) {
                buttons = [button('Take them back', problem, async () => {
                    await command(`sessions/${sessionId}/steps/${step.key}/take-back`);
                    announce('Taken back. You can change your answers, then mark them ready again.');
                })];
            }
        }
        return h('div', { class: `reveal-box stack${state.countdown ? ' counting-down' : ''}` },
            Array.isArray(status) ? h('p', { role: 'status' }, status) : status,
            buttons.length ? h('div', { class: 'row-actions' }, buttons) : null, problem);
    }

    function button(label, problem, action, kind = '') {
        const pressed = h('button', { class: `button ${kind}`.trim(), type: 'button' }, label);
        onPress(pressed, problem, action);
        return pressed;
    }

    return {
        track,
        box,
        stop() {
            clearInterval(ticking);
            ticking = null;
            shown.clear();
        },
    };
}
