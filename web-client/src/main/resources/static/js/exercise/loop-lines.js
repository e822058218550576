// The two arrows of the loop, drawn over its words from where the words landed: from one partner's
// behaviour to what set the other off (anchor() says where, when those are not shared). Side by
// side, they cross between the two sides like the middle of an infinity sign; one above the other,
// they run down the right edge and back up the left. Measured again whenever the figure's size
// changes (a narrower screen, a long saying opened), so the arrows always meet the words they join.
// The drawing holds no text and is hidden from screen readers: the lists say the same in words.
import { svg } from '../dom.js';

/** How far from the figure's edge the arrows run when the sides are one above the other (inside its padding). */
const LANE = 6;
/** An arrowhead's length. */
const HEAD = 11;

let figures = 0;    // arrowheads are referred to by id: one set per figure on the page

/** The figure's arrows: { el, draw() }; el is the SVG to put first in the figure. */
export function loopLines(figure) {
    const id = `loop-head-${++figures}`;
    const el = svg('svg', { class: 'loop-lines', 'aria-hidden': 'true', focusable: 'false' });
    if (typeof ResizeObserver === 'function') {
        new ResizeObserver(() => draw()).observe(figure);
    }

    function draw() {
        const box = figure.getBoundingClientRect();
        const sides = [...figure.querySelectorAll(':scope > .loop-side')];
        if (sides.length !== 2 || box.width === 0) {
            el.replaceChildren();
            return;
        }
        el.setAttribute('width', box.width.toFixed(1));
        el.setAttribute('height', box.height.toFixed(1));
        el.setAttribute('viewBox', `0 0 ${box.width.toFixed(1)} ${box.height.toFixed(1)}`);
        const at = (node) => {
            const r = node.getBoundingClientRect();
            return { left: r.left - box.left, right: r.right - box.left, top: r.top - box.top, bottom: r.bottom - box.top,
                height: r.height };
        };
        const panels = sides.map(at);
        const sideBySide = panels[1].top < panels[0].bottom && (panels[1].left >= panels[0].right || panels[0].left >= panels[1].right);
        const arrows = [0, 1].map((i) => {
            // Out low, in high: where a side has one link, the arrow leaving it and the one coming in stay apart.
            const out = at(anchor(sides[i], 'out'));
            const into = at(anchor(sides[1 - i], 'in'));
            const from = { panel: panels[i], y: out.top + out.height * 0.65 };
            const to = { panel: panels[1 - i], y: into.top + into.height * 0.35 };
            const d = sideBySide ? across(from, to) : around(from, to, box.width);
            return svg('path', { d, class: `loop-arrow from-${i}`, 'marker-end': `url(#${id}-${i})` });
        });
        el.replaceChildren(svg('defs', {}, [0, 1].map((i) => head(`${id}-${i}`, i))), ...arrows);
    }

    return { el, draw };
}

/**
 * Where an arrow leaves a side: its behaviour, else its last link, else the foot of the side. Where
 * one enters: the trigger, else the first link that is not the behaviour, else the side's name.
 * The sentences under the sides name the same links (loop.js).
 */
function anchor(side, way) {
    const links = [...side.querySelectorAll('.loop-link')];
    if (way === 'out') {
        return links.find((link) => link.dataset.link === 'BEHAVIOUR') ?? links.at(-1) ?? side.querySelector(':scope > p') ?? side.querySelector('h3');
    }
    return links.find((link) => link.dataset.link === 'TRIGGER') ?? links.find((link) => link.dataset.link !== 'BEHAVIOUR')
        ?? side.querySelector('h3');
}

/** Side by side: a curve across the gap, leaving and entering level, so the two curves cross in the middle. */
function across(from, to) {
    const rightwards = from.panel.left < to.panel.left;
    const x0 = rightwards ? from.panel.right : from.panel.left;
    const x1 = (rightwards ? to.panel.left : to.panel.right) + (rightwards ? -3 : 3);
    const pull = (x1 - x0) * 0.6;
    return `M${n(x0)},${n(from.y)} C${n(x0 + pull)},${n(from.y)} ${n(x1 - pull)},${n(to.y)} ${n(x1)},${n(to.y)}`;
}

/** One above the other: down the right edge to the side below, or up the left edge to the side above. */
function around(from, to, width) {
    const down = from.panel.top < to.panel.top;
    const lane = down ? width - LANE : LANE;
    const x0 = down ? from.panel.right : from.panel.left;
    const x1 = down ? to.panel.right + 3 : to.panel.left - 3;
    const sx = down ? 1 : -1;          // outwards, towards the lane
    const sy = to.y > from.y ? 1 : -1;
    // The last stretch stays straight for the whole arrowhead; the corners round off what is left.
    const turn = Math.max(0, Math.min(8, Math.abs(to.y - from.y) / 2, Math.abs(lane - x1) - HEAD));
    return `M${n(x0)},${n(from.y)} H${n(lane - sx * turn)} Q${n(lane)},${n(from.y)} ${n(lane)},${n(from.y + sy * turn)}`
        + ` V${n(to.y - sy * turn)} Q${n(lane)},${n(to.y)} ${n(lane - sx * turn)},${n(to.y)} H${n(x1)}`;
}

function head(markerId, side) {
    return svg('marker', { id: markerId, viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: HEAD, markerHeight: HEAD,
        markerUnits: 'userSpaceOnUse', orient: 'auto' },
        svg('path', { d: 'M0,0 L10,5 L0,10 Z', class: `loop-head from-${side}` }));
}

const n = (value) => value.toFixed(1);
