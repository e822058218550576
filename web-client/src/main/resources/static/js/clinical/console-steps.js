// Where the partners are in the exercise, as the observing therapist reads it: each step with what the
// therapist will see of it, who is on it and how far its reveal is; and, at the furthest step either
// partner has reached, what the partners are asked there.
import { fill, h, renderList } from '../dom.js';
import { revealPart } from '../exercise/reveal.js';
import { partnerName } from '../words.js';

const OBSERVED_BADGE = { OWN: 'Private to each', SHARED: 'Shared by choice', REVEALED: 'Revealed together' };

/** What an observing therapist will see of each kind of step. */
const OBSERVED = {
    OWN: 'What each partner writes here is theirs alone: you will not see it.',
    REVEALED: 'Both answers appear to both partners, and to you, at the same moment, once both are ready.',
    SHARED: 'You see what a partner chooses to share, when they share it.',
};

/** announce(text): said to screen readers; nameOf(id): a partner's name, for who is ready for a reveal. */
export function stepsPart({ announce = () => { }, nameOf = (id) => id } = {}) {
    const list = h('ol', { class: 'console-steps', 'aria-label': 'The steps of the exercise' });
    const title = h('h3', {});
    const prompt = h('p', { class: 'step-prompt' });
    const privacy = h('p', { class: 'privacy shared' });
    // At a step revealed together: who is ready, the countdown as the partners see it, then the reveal.
    const revealSlot = h('div');
    const now = h('div', { class: 'stack console-step-now', hidden: true }, title, prompt, privacy, revealSlot);
    let reveal = null;
    let seen = null;
    const el = h('section', { class: 'card stack console-now', 'aria-labelledby': 'console-now-title' },
        h('h2', { id: 'console-now-title' }, 'Step by step'),
        list, now);

    function update(view, guide) {
        if (!guide) {
            return;
        }
        reveal ??= revealPart({ me: null, sessionId: view.sessionId, observer: true, announce, nameOf,
            stepTitle: (key) => guide.steps.find((s) => s.key === key)?.title ?? 'A step' });
        if (view !== seen) {
            reveal.track(seen, view);
            seen = view;
        }
        const steps = guide.steps.filter((s) => s.key !== 'notes');
        const furthest = furthestStep(view, steps);
        renderList(list, steps, {
            key: (s) => s.key,
            signature: (s) => JSON.stringify([s.key, furthest, view.status, view.partners, view.steps?.find((p) => p.key === s.key)]),
            render: (s) => stepItem(s, view, s.key === furthest),
        });
        const step = steps.find((s) => s.key === furthest);
        now.hidden = !step;
        if (step) {
            title.textContent = step.title;
            prompt.textContent = `The partners are asked: “${step.prompt}”`;
            privacy.className = `privacy ${step.sharing === 'OWN' ? 'only-you' : 'shared'}`;
            const progress = view.steps?.find((p) => p.key === step.key) ?? { readyBy: [] };
            privacy.textContent = progress.revealedAt ? 'Revealed: both answers opened at the same moment, for both partners and for you.'
                : OBSERVED[step.sharing] ?? '';
            fill(revealSlot, step.sharing === 'REVEALED' && (view.status === 'RUNNING' || progress.revealedAt)
                && reveal.box({ step, state: progress, view, mine: [], active: false }));
        }
    }

    return { el, update };
}

/** The furthest step either partner is on: where the session is. */
function furthestStep(view, steps) {
    const order = steps.map((s) => s.key);
    const at = view.partners.map((p) => order.indexOf(p.step)).filter((i) => i >= 0);
    return at.length ? order[Math.max(...at)] : null;
}

function stepItem(step, view, current) {
    const progress = view.steps?.find((s) => s.key === step.key);
    const here = view.partners.filter((p) => p.step === step.key && p.present && view.status === 'RUNNING')
        .map((p) => partnerName(p.displayName));
    const reveal = progress?.revealedAt ? ' · revealed' : progress?.countdown ? ' · opening'
        : progress?.readyBy?.length ? ` · ${progress.readyBy.length} of 2 ready` : '';
    return h('li', { class: 'console-step-item', 'aria-current': current ? 'step' : null },
        h('span', { class: 'step-title' }, step.title),
        h('span', { class: 'step-meta small' }, OBSERVED_BADGE[step.sharing] ?? '', reveal),
        here.length ? h('span', { class: 'step-here small' }, here.flatMap((name, n) => [n ? ' and ' : '', h('bdi', {}, name)]), ' here') : null);
}
