// The "Why?" of a figure on the research page: the events behind it, at the instant on show.
import { query } from '../api.js';
import { fill, h, when } from '../dom.js';
import { eventLabel } from '../cycle/labels.js';
import { atQuery, segment } from './research.js';

/**
 * Makes why(figure, label): a "Why?" button that opens, under itself, the events behind that figure
 * of the state on show (at the same instant), fetched the first time it opens. Figures the state does
 * not list get no button. Each event shows its type, its pseudonymised couple or session, and its time.
 */
export function evidenceButtons({ couple, at: instant, figures, announce }) {
    const known = new Set(figures);
    return (name, label) => {
        if (!known.has(name)) {
            return null;
        }
        const id = `why-${name.replace(/[^\w-]/g, '-')}`;
        const region = h('div', { id, class: 'research-evidence', hidden: true });
        const button = h('button', { type: 'button', class: 'button quiet research-why', 'aria-expanded': 'false', 'aria-controls': id },
            'Why?', h('span', { class: 'visually-hidden' }, ` The events behind ${label}`));
        button.addEventListener('click', async () => {
            const open = button.getAttribute('aria-expanded') !== 'true';
            button.setAttribute('aria-expanded', String(open));
            region.hidden = !open;
            if (!open || region.dataset.loaded || button.getAttribute('aria-busy') === 'true') {
                return;
            }
            button.setAttribute('aria-busy', 'true');
            fill(region, h('p', { class: 'muted small' }, 'Loading the events behind it…'));
            try {
                const refs = (await query(`analytics/couples/${segment(couple)}/cycle-state/evidence/${segment(name)}${atQuery(instant)}`)) ?? [];
                region.dataset.loaded = 'true';
                fill(region, evidenceList(refs));
                announce(refs.length === 1 ? `One event lies behind ${label}.` : `${refs.length} events lie behind ${label}.`);
            } catch (problem) {
                fill(region, h('p', { class: 'problem', role: 'alert' }, problem.message));
            } finally {
                button.removeAttribute('aria-busy');
            }
        });
        return h('div', { class: 'research-why-wrap' }, button, region);
    };
}

function evidenceList(refs) {
    if (refs.length === 0) {
        return h('p', { class: 'muted small' }, 'No event lies behind this figure yet.');
    }
    return h('ol', { class: 'research-evidence-list' }, refs.map((ref) => h('li', {},
        h('strong', {}, eventLabel(ref.type)),
        ' in ', h('code', {}, ref.aggregateId),
        h('span', { class: 'muted' }, ' · '),
        when(ref.at))));
}
