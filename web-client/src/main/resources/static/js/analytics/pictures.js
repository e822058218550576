// The research page's pictures: the reference band, bar and line charts in SVG, and tables that say
// the same numbers to screen readers. Each picture's words are beside it or in its title.
import { h, svg } from '../dom.js';
import { REFERENCE, numbers } from './research.js';

/** Places an element along a 0–100% track (through the style object, not a style attribute). */
function at(el, percent) {
    el.style.left = `${Math.max(0, Math.min(100, percent))}%`;
    return el;
}

/**
 * The reference band as a picture: 0 to 100%, the span between the two research figures shaded,
 * both marked, and the figure itself as a dot. Hidden from screen readers: the words beside it say it.
 */
export function referenceScale(value, reference = REFERENCE) {
    const low = reference.divorcedPercent;
    const high = reference.stayedTogetherPercent;
    const band = at(h('span', { class: 'research-band' }), low);
    band.style.width = `${high - low}%`;
    return h('div', { class: 'research-scale', 'aria-hidden': 'true' },
        h('div', { class: 'research-track' },
            band,
            at(h('span', { class: 'research-mark low' }), low),
            at(h('span', { class: 'research-mark high' }), high),
            value != null && at(h('span', { class: 'research-value' }), value)),
        h('div', { class: 'research-ticks' },
            at(h('span', {}, `${low}%`), low),
            at(h('span', {}, `${high}%`), high)));
}

export function referenceLegend(reference = REFERENCE) {
    return h('ul', { class: 'research-legend' },
        h('li', { class: 'low' }, `about ${reference.divorcedPercent}% in couples who later divorced`),
        h('li', { class: 'high' }, `about ${reference.stayedTogetherPercent}% in couples who stayed together`));
}

/** Horizontal bars, one per row: { label, count }. The title says every number, for screen readers. */
export function barChart(rows, { id, title }) {
    const width = 340;
    const rowHeight = 30;
    const labelWidth = 130;     // room for the longest phase name
    const room = width - labelWidth - 40;
    const most = Math.max(1, ...rows.map((row) => row.count));
    const summary = rows.map((row) => `${row.label}: ${row.count}`).join(', ');
    return svg('svg', { class: 'research-bars', viewBox: `0 0 ${width} ${rows.length * rowHeight}`, role: 'img',
        'aria-labelledby': `${id}-svg-title`, focusable: 'false' },
    svg('title', { id: `${id}-svg-title` }, `${title}. ${summary}.`),
    rows.map((row, i) => {
        const y = i * rowHeight;
        const length = Math.round((room * row.count) / most);
        return svg('g', {},
            svg('text', { x: labelWidth - 8, y: y + 20, 'text-anchor': 'end', class: 'research-chart-label' }, row.label),
            svg('rect', { x: labelWidth, y: y + 7, width: room, height: 18, rx: 4, class: 'research-bar-track' }),
            row.count > 0 && svg('rect', { x: labelWidth, y: y + 7, width: Math.max(length, 3), height: 18, rx: 4, class: 'research-bar' }),
            svg('text', { x: labelWidth + length + 6, y: y + 20, class: 'research-chart-value' }, numbers.format(row.count)));
    }));
}

/** The lean gap (0 to 2) after each check-in, oldest to newest, as a small line. */
export function leanGapChart(points) {
    const width = 320;
    const height = 110;
    const left = 28;
    const right = 12;
    const top = 12;
    const bottom = 14;
    const x = (i) => (points.length > 1 ? left + (i * (width - left - right)) / (points.length - 1) : (left + width - right) / 2);
    const y = (gap) => top + ((2 - gap) * (height - top - bottom)) / 2;
    const last = points.at(-1);
    const title = `Lean gap after each check-in, higher is further apart. ${points.length === 1 ? 'One check-in' : `${points.length} check-ins`}; `
        + `the latest gap is ${last.gap} of 2.`;
    return svg('svg', { class: 'research-line', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'lean-gap-svg-title', focusable: 'false' },
        svg('title', { id: 'lean-gap-svg-title' }, title),
        [0, 1, 2].map((gap) => [
            svg('line', { x1: left, x2: width - right, y1: y(gap), y2: y(gap), class: 'research-gridline' }),
            svg('text', { x: left - 10, y: y(gap) + 4, 'text-anchor': 'end', class: 'research-chart-label' }, String(gap)),
        ]),
        points.length > 1 && svg('polyline', { points: points.map((p, i) => `${x(i)},${y(p.gap)}`).join(' '), class: 'research-path' }),
        points.map((p, i) => svg('circle', { cx: x(i), cy: y(p.gap), r: 4, class: 'research-point' })));
}

/** The same numbers as a picture, for screen readers and for anyone who prefers a table. */
export function hiddenTable(caption, headings, rows) {
    return h('table', { class: 'visually-hidden' },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
        h('tbody', {}, rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first), rest.map((cell) => h('td', {}, cell))))));
}

/** One labelled figure in a description list, with its "why?" if it has one. */
export function figure(label, value, ...more) {
    return h('div', { class: 'research-row' }, h('dt', {}, label), h('dd', {}, value, more));
}
