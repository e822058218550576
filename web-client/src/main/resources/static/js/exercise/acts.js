// The acts an exercise offers besides its answers: softer words (a softening, a re-engagement) a
// therapist may confirm as turning points, baby steps chosen from the partner's list (or answered
// with a smaller step) and committed to, and a pact to let an old hurt go. Their cards show at the
// steps that offer them, and everywhere once something was done; their forms and buttons only at a
// step that offers the act, as the guide says (the session refuses an act anywhere else).
import { command } from '../api.js';
import { fill, h, named, when } from '../dom.js';
import { countedText, onPress, onSubmit, problemBox } from '../forms.js';
import { entryBody } from './answers.js';

/**
 * The acts' cards, in one element, brought up to date by render(). view(), guide(), current() and
 * labels() read the exercise card's state as it is at that moment; active() says whether this
 * partner may act now.
 */
export function actsPart({ me, sessionId, view, guide, current, labels, nameOf, active }) {
    const acts = h('div', { class: 'stack acts' });

    /** The acts the partner's current step offers, as the exercise's guide lists them. */
    function offeredHere() {
        const step = (guide().steps ?? []).find((s) => s.key === current());
        return new Set(step?.acts ?? []);
    }

    /** Whether this partner may do this act now, here. */
    function mayDo(act) {
        return active() && offeredHere().has(act);
    }

    function renderActs() {
        const done = (view().moves?.length ?? 0) + (view().pacts?.length ?? 0) + (view().babySteps?.length ?? 0) > 0;
        const here = offeredHere().size > 0;
        const offered = new Set(here || done ? guide().acts ?? [] : []);
        const parts = [];
        if (offered.has('SOFTENING') || offered.has('REENGAGEMENT')) {
            parts.push(movesCard(offered));
        }
        if (offered.has('BABY_STEP')) {
            parts.push(babyStepsCard());
        }
        if (offered.has('LET_GO')) {
            parts.push(letGoCard());
        }
        // Rebuilding would detach the field someone is typing in; the next push brings the card up to date.
        const focused = acts.contains(document.activeElement) && ['TEXTAREA', 'INPUT'].includes(document.activeElement.tagName);
        if (!focused) {
            fill(acts, parts);
        }
    }

    /** Each act's form is built once, so what someone typed survives the pushes that rebuild the card. */
    const actForms = new Map();
    function actForm(act) {
        if (!actForms.has(act)) {
            const words = countedText({ id: `act-${act}`, name: 'words', label: labels()[`act.${act}`] ?? act, max: 1000, rows: 2, required: true });
            const form = h('form', { class: 'stack' }, words.el, problemBox(),
                h('button', { class: 'button primary', type: 'submit' }, 'Say it to my partner'));
            onSubmit(form, async () => {
                await command(`sessions/${sessionId}/${act === 'SOFTENING' ? 'softenings' : 'reengagements'}`, { words: words.textarea.value.trim() });
                words.reset();
            });
            actForms.set(act, form);
        }
        return actForms.get(act);
    }

    function movesCard(offered) {
        const forms = [...offered].filter((a) => (a === 'SOFTENING' || a === 'REENGAGEMENT') && mayDo(a)).map(actForm);
        const moves = view().moves ?? [];
        return h('section', { class: 'card stack moves-card', 'aria-labelledby': 'moves-title' },
            h('h2', { id: 'moves-title' }, 'Softer words'),
            h('p', { class: 'hint' }, 'When the loop loosens, one of you may say the softer thing behind the usual move, or let the other in instead of pulling away. Your partner sees it at once.'),
            forms,
            moves.length === 0 ? h('p', { class: 'muted' }, 'Nothing said here yet.') : h('ol', { class: 'entries' }, moves.map((move) => moveItem(move))));
    }

    function moveItem(move) {
        const confirmed = move.confirmedBy?.length > 0;
        return h('li', { class: `entry ${move.partnerId === me ? 'from-me' : ''}` },
            h('p', { class: 'bid-head' }, h('strong', { dir: 'auto' }, nameOf(move.partnerId)), ' · ', labels()[`change.${move.change}`] ?? move.change, ' · ', when(move.voicedAt)),
            h('p', { class: 'entry-text', dir: 'auto' }, move.words),
            confirmed && h('p', { class: 'privacy shared' }, 'Confirmed by your therapist as a turning point'));
    }

    const smallerSteps = new Map();     // by behaviour entry id: { open, words }

    function babyStepsCard() {
        const behaviours = (view().entries ?? []).filter((e) => e.kind === 'BEHAVIOUR');
        const theirs = behaviours.filter((e) => e.authorId !== me).sort((a, b) => (a.details?.size ?? 0) - (b.details?.size ?? 0));
        const mine = behaviours.filter((e) => e.authorId === me);
        const taken = (e) => (view().babySteps ?? []).find((b) => b.behaviourEntryId === e.entryId && b.listedBy === e.authorId);
        return h('section', { class: 'card stack baby-steps-card', 'aria-labelledby': 'baby-title' },
            h('h2', { id: 'baby-title' }, 'Baby steps'),
            h('p', { class: 'hint' }, 'Pick from your partner’s list what you are willing to do, easiest first. If something is too big for now, offer a smaller step.'),
            theirs.length === 0 ? h('p', { class: 'muted' }, 'The lists appear here once both are revealed.')
                : h('ol', { class: 'entries' }, theirs.map((e) => babyStepItem(e, taken(e)))),
            mine.length > 0 && h('h3', {}, 'Your list, as your partner sees it'),
            mine.length > 0 && h('ol', { class: 'entries' }, mine.map((e) => babyStepItem(e, taken(e)))));
    }

    function babyStepItem(entry, taken) {
        const box = problemBox();
        const mineToTake = entry.authorId !== me && mayDo('BABY_STEP');
        const actions = [];
        if (mineToTake && !taken) {
            const choose = h('button', { class: 'button primary', type: 'button' }, 'I will do this');
            onPress(choose, box, () => command(`sessions/${sessionId}/baby-steps/${entry.entryId}/choose`));
            // Kept across pushes: what was typed, and whether the box was open.
            if (!smallerSteps.has(entry.entryId)) {
                smallerSteps.set(entry.entryId, {
                    open: false,
                    words: countedText({ id: `smaller-${entry.entryId}`, name: 'words', label: 'Not yet, but I am willing to…', max: 1000, rows: 2 }),
                });
            }
            const smaller = smallerSteps.get(entry.entryId);
            const offer = h('button', { class: 'button', type: 'button' }, 'Offer this smaller step');
            onPress(offer, box, async () => {
                await command(`sessions/${sessionId}/baby-steps/${entry.entryId}/smaller-step`, { words: smaller.words.textarea.value.trim() });
                smaller.words.reset();
            });
            const summary = h('summary', {}, 'Too big for now?');
            const details = h('details', { open: smaller.open }, summary, smaller.words.el, offer);
            // Kept the moment it is pressed: the toggle event comes a task later, and a push re-rendering
            // the card in between (the partner choosing a step) would draw the box closed again.
            summary.addEventListener('click', () => {
                smaller.open = !details.open;
            });
            details.addEventListener('toggle', () => {
                smaller.open = details.open;
            });
            actions.push(choose, details);
        } else if (mineToTake && taken?.takenUpBy === me && !taken.committed) {
            const commit = h('button', { class: 'button primary', type: 'button' }, 'I commit to it');
            onPress(commit, box, () => command(`sessions/${sessionId}/baby-steps/${entry.entryId}/commit`));
            actions.push(commit);
        }
        const status = !taken ? null : taken.smallerStep
            ? named`${nameOf(taken.takenUpBy)} offered a smaller step: “${taken.smallerStep}”`
            : named`${nameOf(taken.takenUpBy)} will do this`;
        return h('li', { class: 'entry' }, entryBody('BEHAVIOUR', entry.text, entry.details, labels()),
            status && h('p', { class: 'privacy shared' }, status, taken.committed ? ' · committed' : ''),
            h('div', { class: 'row-actions' }, actions), box);
    }

    let letGoForm = null;
    function letGoCard() {
        const box = problemBox();
        if (!letGoForm) {
            const words = countedText({ id: 'let-go-words', name: 'words', label: 'An old hurt you are ready to put down', max: 1000, rows: 2, required: true });
            letGoForm = h('form', { class: 'stack' }, words.el, problemBox(), h('button', { class: 'button', type: 'submit' }, 'Propose letting it go'));
            onSubmit(letGoForm, async () => {
                await command(`sessions/${sessionId}/let-go`, { words: words.textarea.value.trim() });
                words.reset();
            });
        }
        const form = mayDo('LET_GO') ? letGoForm : null;
        const pacts = view().pacts ?? [];
        return h('section', { class: 'card stack let-go-card', 'aria-labelledby': 'let-go-title' },
            h('h2', { id: 'let-go-title' }, 'Letting go'),
            h('p', { class: 'hint' }, 'One of you proposes; the pact holds when the other agrees.'),
            form,
            pacts.length === 0 ? h('p', { class: 'muted' }, 'No pact proposed yet.') : h('ol', { class: 'entries' }, pacts.map((pact) => {
                const agree = mayDo('LET_GO') && !pact.agreedBy && pact.proposedBy !== me && h('button', { class: 'button primary', type: 'button' }, 'Agree to let it go');
                if (agree) {
                    onPress(agree, box, () => command(`sessions/${sessionId}/let-go/${pact.pactId}/agree`));
                }
                return h('li', { class: 'entry' },
                    h('p', { class: 'bid-head' }, h('strong', { dir: 'auto' }, nameOf(pact.proposedBy)), ' proposed · ', when(pact.proposedAt)),
                    h('p', { class: 'entry-text', dir: 'auto' }, pact.words),
                    pact.agreedBy ? h('p', { class: 'privacy shared' }, 'Let go, together') : h('p', { class: 'muted small' }, 'Waiting for agreement'),
                    agree);
            })),
            box);
    }

    return { el: acts, render: renderActs };
}
