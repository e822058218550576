// The infinity loop of a couple's negative cycle, drawn from both partners' shared links: one lobe
// each, links placed around it in the order the loop runs, so one partner's behaviour sits where it
// becomes the other's trigger. A list beside it says the same in words for screen readers.
import { h } from '../dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const ORDER = ['TRIGGER', 'SECONDARY_EMOTION', 'PERCEPTION', 'BEHAVIOUR', 'PRIMARY_EMOTION', 'UNMET_NEED'];

function svg(tag, attributes = {}, ...children) {
    const el = document.createElementNS(SVG, tag);
    Object.entries(attributes).forEach(([name, value]) => value != null && el.setAttribute(name, String(value)));
    el.append(...children.filter(Boolean));
    return el;
}

/** labels: words for each link kind; nameOf: a partner's name; observer: a therapist reads it, not one of the two. */
export function loopCard({ labels, nameOf, observer = false }) {
    const drawing = h('div', { class: 'loop-drawing' });
    const words = h('div', { class: 'loop-words' });
    const el = h('section', { class: 'card stack loop-card', 'aria-labelledby': 'loop-title' },
        h('h2', { id: 'loop-title' }, observer ? 'Their loop' : 'Your loop'),
        h('p', { class: 'hint' }, observer ? 'What one of them does becomes what sets the other off, as each has shared it.'
            : 'What one of you does becomes what sets the other off. The loop is the trouble, not either of you.'),
        drawing, words);

    function update(sides) {
        const [left, right] = sides ?? [];
        const shape = svg('svg', { viewBox: '0 0 400 200', role: 'img', 'aria-labelledby': 'loop-svg-title', class: 'loop-svg' },
            svg('title', { id: 'loop-svg-title' }, `The loop: ${sideSummary(left)}; ${sideSummary(right)}`),
            svg('path', { d: 'M200,100 C150,20 40,20 40,100 C40,180 150,180 200,100 C250,20 360,20 360,100 C360,180 250,180 200,100 Z',
                class: 'loop-path' }),
            lobe(left, 110, 'left'), lobe(right, 290, 'right'));
        drawing.replaceChildren(shape);
        words.replaceChildren(...[left, right].filter(Boolean).map((side) => h('div', { class: 'loop-side' },
            h('h3', { dir: 'auto' }, nameOf(side.partnerId)),
            side.links.length === 0 ? h('p', { class: 'muted' }, 'Nothing shared yet.')
                : h('ol', {}, side.links.map((link) => h('li', {},
                    h('strong', {}, labels[`link.${link.details?.link}`] ?? link.details?.link), ': ', h('bdi', {}, link.text ?? ''),
                    link.details?.intensity ? h('span', { class: 'muted small' }, ` (strength ${link.details.intensity} of 10)`) : null))))));
    }

    function sideSummary(side) {
        if (!side || side.links.length === 0) {
            return side ? `${nameOf(side.partnerId)} has shared nothing yet` : '';
        }
        return `${nameOf(side.partnerId)}: ${side.links.map((l) => labels[`link.${l.details?.link}`] ?? l.details?.link).join(', then ')}`;
    }

    /** One partner's links around their lobe, clockwise from where the loop crosses. */
    function lobe(side, cx, where) {
        if (!side) {
            return null;
        }
        const group = svg('g', { class: `loop-lobe ${where}` },
            svg('text', { x: cx, y: 104, 'text-anchor': 'middle', class: 'loop-name' }, nameOf(side.partnerId)));
        side.links.forEach((link) => {
            const at = ORDER.indexOf(link.details?.link);
            const angle = (where === 'left' ? Math.PI : 0) + ((at + 0.5) / ORDER.length) * 2 * Math.PI * (where === 'left' ? -1 : 1);
            const x = cx + Math.cos(angle) * 72;
            const y = 100 + Math.sin(angle) * 62;
            const r = 4 + (link.details?.intensity ?? 5) * 0.6;
            group.append(svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), class: 'loop-dot' }),
                svg('text', { x: x.toFixed(1), y: (y - r - 3).toFixed(1), 'text-anchor': 'middle', class: 'loop-label' },
                    short(labels[`link.${link.details?.link}`] ?? '')));
        });
        return group;
    }

    update([]);
    return { el, update };
}

function short(text) {
    return text.length > 22 ? `${text.slice(0, 21)}…` : text;
}
