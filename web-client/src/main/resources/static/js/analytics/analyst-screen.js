// The research page. Everything on it is pseudonymised: couples appear as c-…, sessions as s-…,
// partners as A and B, and no name, no word and no real id is ever shown. Analysts see figures
// across every couple; one couple's cycle state now or as it stood at any moment, with the events
// behind each figure; one session replayed event by event; and the export. Analysts and operators
// (ADMIN) follow and rebuild the projections.
import { h } from '../dom.js';
import { cohortCard } from './cohort-card.js';
import { couplesPart } from './couples-card.js';
import { exportCard } from './export-card.js';
import { projectionsCard } from './projections-card.js';
import { replayCard } from './replay-card.js';

export function analystScreen({ person, announce }) {
    const roles = person?.roles ?? [];
    const analyst = roles.includes('ANALYST');
    const operator = analyst || roles.includes('ADMIN');

    const parts = [];           // every part, each stopped with the screen
    const sections = [];        // what goes on the page, in order
    if (analyst) {
        const cohort = cohortCard();
        // A replay plays one session of the couple on show, so its card sits under that couple's state.
        const replay = replayCard({ announce });
        const couples = couplesPart({ announce, beside: replay.el, onView: (view) => replay.setCouple(view) });
        const exported = exportCard({ announce });
        parts.push(cohort, couples, replay, exported);
        sections.push(cohort.el, couples.el, exported.el);
    }
    if (operator) {
        const projections = projectionsCard({ announce });
        parts.push(projections);
        sections.push(projections.el);
    }

    const el = h('div', { class: 'screen research' },
        h('section', { class: 'hero' },
            h('h1', { tabindex: -1 }, 'Research'),
            h('p', { class: 'lead' }, 'Everything here is pseudonymised: no names, no words, no real ids. '
                + 'Couples and sessions appear under pseudonyms, and partners as A and B.'),
            analyst && h('p', { class: 'muted' }, 'Whenever you open one couple’s history or replay one of its sessions, '
                + 'that couple’s record of who has looked at their content notes it.'),
            !analyst && operator && h('p', { class: 'muted' }, 'As an operator, you can follow the projections here and rebuild them.')),
        sections);

    return {
        el,
        title: 'Research',
        stop() {
            parts.forEach((part) => part.stop?.());
        },
    };
}
