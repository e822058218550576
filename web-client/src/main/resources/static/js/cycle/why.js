// The cycle card's "Why?" buttons: each opens the events behind one figure, named as the labels name them.
import { query } from '../api.js';
import { fill, h, when } from '../dom.js';
import { onPress, problemBox } from '../forms.js';
import { eventLabel } from './labels.js';

/**
 * A "Why?" for one figure, when the state names it: pressed, it opens a list of the events behind the
 * figure, fetched then (they are never pushed), and pressed again it closes.
 */
export function whyMaker(coupleId, figures) {
    return (figureName, label) => {
        if (!figures.has(figureName)) {
            return null;
        }
        const panelId = `cy-why-${figureName.replace(/[^\w-]/g, '-')}`;
        // A label may hold a partner's name in a <bdi> (named`…` in dom.js): each place it shows gets its own.
        const labelled = () => [label].flat(Infinity).map((part) => (part instanceof Node ? part.cloneNode(true) : part));
        const button = h('button', { class: 'button quiet why-button', type: 'button', 'aria-expanded': 'false', 'aria-controls': panelId,
            'data-figure': figureName }, 'Why?', h('span', { class: 'visually-hidden' }, ' What ', labelled(), ' rests on'));
        const list = h('ol', { class: 'evidence' });
        const panel = h('div', { class: 'why-panel', id: panelId, hidden: true },
            h('p', { class: 'hint' }, 'What ', labelled(), ' rests on, in the order it happened:'), list);
        const box = problemBox();
        onPress(button, box, async () => {
            const open = button.getAttribute('aria-expanded') !== 'true';
            button.setAttribute('aria-expanded', String(open));
            panel.hidden = !open;
            if (!open) {
                return;
            }
            fill(list, h('li', { class: 'muted' }, 'Loading…'));
            try {
                const events = (await query(`couples/${coupleId}/cycle-state/evidence/${encodeURIComponent(figureName)}`)) ?? [];
                fill(list, events.length
                    ? events.map((e) => h('li', {}, eventLabel(e.type), ' · ', when(e.at)))
                    : h('li', { class: 'muted' }, 'Nothing recorded.'));
            } catch (problem) {
                button.setAttribute('aria-expanded', 'false');
                panel.hidden = true;
                throw problem;
            }
        });
        return h('div', { class: 'why' }, button, panel, box);
    };
}
