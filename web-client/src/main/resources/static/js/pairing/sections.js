// The couple's sections past Today, each made of the cards that belong together: their sessions,
// their cycle, everyday life between sessions, and their therapist with their privacy. Each section
// is { el, update(view, before), stop() } and is fed the one couple view the page follows.
import { h } from '../dom.js';
import { therapistsCard } from '../consent/couple-therapists.js';
import { cycleCard } from '../cycle/cycle-card.js';
import { everydayCard } from '../everyday/everyday.js';
import { babyStepsCard } from '../exercise/baby-steps.js';
import { eraseCard } from '../privacy/erase.js';
import { myCopyCard } from '../privacy/my-copy.js';
import { readsCard } from '../audit/reads.js';
import { safetyCard } from '../clinical/safety.js';
import { partnerName } from '../words.js';
import { sessionsCard, startForm } from './sessions.js';
import { todayParts } from './today.js';

/** Each section's heading, lead and parts; a part shown only once the two are a couple says so with paired. */
export const SECTIONS = {
    today: { title: 'Today', lead: 'What needs you now.', parts: todayParts },
    sessions: { title: 'Sessions', lead: 'Your exercises together, live, each from your own device.', parts: sessionsPart },
    cycle: { title: 'Our cycle', lead: 'Where the two of you stand, and how it has moved week by week.', parts: cyclePart, paired: true },
    lists: { title: 'Everyday life', lead: 'Between sessions: bids, check-ins, your lists, homework and the baby steps you committed to.',
        parts: listsPart, paired: true },
    privacy: { title: 'Therapist and privacy', lead: 'Who may see what of yours, who has, and what to do if you do not feel safe.',
        parts: privacyPart, paired: true },
};

function sessionsPart({ coupleId, loadOlder }) {
    const start = startForm({ coupleId });
    const sessions = sessionsCard({ loadOlder });
    return {
        el: h('div', { class: 'grid two' }, start.el, sessions.el),
        update(view) {
            start.update(view);
            sessions.update(view);
        },
    };
}

function cyclePart({ me, coupleId, announce, nameOf }) {
    // Made on the first paired view: it follows the cycle state from then on, until another section is shown.
    const el = h('div');
    let cycle = null;
    return {
        el,
        update() {
            if (!cycle) {
                cycle = cycleCard({ coupleId, me, announce, nameOf: (id) => (id === me ? 'You' : nameOf(id)) });
                el.replaceChildren(cycle.el);
            }
        },
        stop: () => cycle?.stop(),
    };
}

function listsPart({ me, coupleId, announce, loadOlder, nameOf }) {
    const everyday = everydayCard({ me, coupleId, announce });
    const babySteps = babyStepsCard({ me, announce, loadOlder, nameOf: (id) => partnerName(nameOf(id)) });
    return {
        el: h('div', { class: 'screen' }, babySteps.el, everyday.el),
        update(view, before) {
            everyday.update(view);
            babySteps.update(view, before);
        },
        stop: () => everyday.stop(),
    };
}

function privacyPart({ me, coupleId, announce, onErased }) {
    const therapists = therapistsCard({ me, coupleId, announce });
    const safety = safetyCard({ coupleId });
    const reads = readsCard({ coupleId });
    const erase = eraseCard({ coupleId, onErased });
    const copy = myCopyCard({ coupleId });
    return {
        el: h('div', { class: 'screen' },
            h('div', { class: 'grid two' }, h('div', { class: 'stack gap' }, therapists.el, safety.el), reads.el),
            copy.el,
            erase.el),
        update(view) {
            therapists.update(view);
            safety.update(view);
            reads.update(view);
        },
        stop() {
            safety.stop();
            reads.stop();
        },
    };
}
