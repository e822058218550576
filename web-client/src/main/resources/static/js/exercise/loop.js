// The infinity loop of a couple's negative cycle, in the partners' own words: each side is one
// partner's shared links, in the order the loop runs, and two arrows join them where one partner's
// behaviour becomes what sets the other off. The words are HTML laid out by CSS, so they stay
// readable and never overlap at any width; the arrows are an SVG drawn over them from where the
// words landed (loop-lines.js), hidden from screen readers, who read each side as an ordered list
// ending with what it sets off.
import { h } from '../dom.js';
import { exerciseGuides, loadedGuides } from './guides.js';
import { loopLines } from './loop-lines.js';

/** Words longer than this are shortened to a few lines, whole again on focus or tap. */
const LONG = 90;
/** How much of a link's words the sentence under each side quotes. */
const QUOTED = 48;

/** labels: words for each link kind; nameOf: a partner's name ("You" for the reader); observer: a therapist reads it. */
export function loopCard({ labels, nameOf, observer = false }) {
    const figure = h('div', { class: 'loop-figure' });
    const empty = h('p', { class: 'hint', hidden: true }, observer ? 'The loop fills in as each of them shares a link of it.'
        : 'The loop fills in as each of you shares a link of it.');
    const lines = loopLines(figure);
    const el = h('section', { class: 'card stack loop-card', 'aria-labelledby': 'loop-title' },
        h('h2', { id: 'loop-title' }, observer ? 'Their loop' : 'Your loop'),
        h('p', { class: 'hint' }, observer ? 'What one of them does becomes what sets the other off, as each has shared it.'
            : 'What one of you does becomes what sets the other off. The loop is the trouble, not either of you.'),
        figure, empty, legend());
    const open = new Set();     // entries whose whole words a tap has opened
    let sides = [];
    let shown = null;

    // The link kinds' words come with the exercise guides, which the caller may not have had yet.
    const word = (key) => labels?.[key] ?? loadedGuides()[0]?.labels?.[key];

    function update(next) {
        sides = (next ?? []).filter(Boolean);
        const signature = JSON.stringify([sides, sides.map((side) => nameOf(side.partnerId)), word('link.TRIGGER') ?? null]);
        if (signature === shown) {
            return;
        }
        shown = signature;
        const focused = figure.contains(document.activeElement) ? document.activeElement.dataset.entry : null;
        const parts = [];
        sides.forEach((side, i) => {
            const other = sides.length === 2 ? sides[1 - i] : null;
            parts.push(sidePanel(side, i, other));
            if (other) {
                parts.push(h('p', { class: `loop-join from-${i}`, 'aria-hidden': 'true' },
                    h('span', { class: 'loop-join-arrow' }, i === 0 ? '→' : '←'), ' ', ...setsOff(side, other)));
            }
        });
        empty.hidden = sides.some((side) => side.links.length > 0);
        figure.replaceChildren(lines.el, ...parts);
        if (focused) {
            figure.querySelector(`[data-entry="${CSS.escape(focused)}"]`)?.focus();
        }
        lines.draw();
    }

    /** One partner's side: their links in loop order, then what their behaviour sets off in the other. */
    function sidePanel(side, i, other) {
        const items = side.links.map(linkItem);
        if (other) {
            items.push(h('li', { class: 'visually-hidden' }, 'Then: ', ...setsOff(side, other)));
        }
        return h('section', { class: `loop-side side-${i}`, 'aria-labelledby': `loop-side-${i}` },
            h('h3', { id: `loop-side-${i}` }, possessive(side), ' side'),
            side.links.length === 0 ? h('p', { class: 'muted' }, 'Nothing shared yet.') : null,
            items.length ? h('ol', { class: 'loop-links' }, items) : null);
    }

    function linkItem(link) {
        const kind = link.details?.link;
        const strength = link.details?.intensity;
        const move = kind === 'BEHAVIOUR' && link.details?.move ? word(`move.${link.details.move}`) : null;
        return h('li', { class: 'loop-link', 'data-link': kind },
            h('span', { class: 'loop-kind' }, word(`link.${kind}`) ?? spelled(kind), move ? ` · ${move}` : null,
                h('span', { class: 'visually-hidden' }, ':')),
            ' ', saying(link),
            strength ? h('span', { class: 'loop-strength' }, h('span', { class: 'loop-bar', 'aria-hidden': 'true' }, bar(strength)),
                ` strength ${strength} of 10`) : null);
    }

    /** The link's words; long ones shortened to a few lines, whole on keyboard focus or a tap. */
    function saying(link) {
        const text = (link.text ?? '').trim();
        // The block takes its direction from the words (dir="auto"): a right-to-left saying starts at the right.
        if (Array.from(text).length <= LONG) {
            return h('span', { class: 'loop-say', dir: 'auto' }, text);
        }
        const button = h('button', { type: 'button', class: 'loop-say long', dir: 'auto', 'data-entry': link.entryId,
            'aria-expanded': String(open.has(link.entryId)) }, h('span', { class: 'loop-words' }, text));
        button.addEventListener('click', () => {
            const opening = !open.has(link.entryId);
            opening ? open.add(link.entryId) : open.delete(link.entryId);
            button.setAttribute('aria-expanded', String(opening));
        });
        return button;
    }

    /** "John's “…” sets Mary off: “…”", from the side's behaviour to the other's trigger. */
    function setsOff(from, to) {
        const did = from.links.find((l) => l.details?.link === 'BEHAVIOUR');
        // Without their trigger, the first thing the other shared that is not their own behaviour.
        const felt = to.links.find((l) => l.details?.link === 'TRIGGER') ?? to.links.find((l) => l.details?.link !== 'BEHAVIOUR');
        const start = did ? [possessive(from), ' ', quoted(did)]
            : ['What ', name(from), isReader(from) ? ' do' : ' does'];
        return [...start, ' sets ', name(to), ' off', ...(felt ? [': ', quoted(felt)] : ['.'])];
    }

    // nameOf calls the reader "You": their side is "Your side", and the loop "sets you off".
    const isReader = (side) => nameOf(side.partnerId) === 'You';
    const name = (side) => (isReader(side) ? 'you' : h('bdi', {}, nameOf(side.partnerId)));
    const possessive = (side) => (isReader(side) ? 'Your' : [h('bdi', {}, nameOf(side.partnerId)), '’s']);

    update([]);
    // The signature holds a kind's word: once the guides are in, a card drawn without them changes.
    exerciseGuides().then(() => update(sides), () => { /* the kinds' names stay spelled out */ });
    return { el, update };
}

function quoted(link) {
    return ['“', h('bdi', { dir: 'auto' }, shortened(link.text ?? '', QUOTED)), '”'];
}

/** At most `most` characters, cut at a space where one is near, never inside a surrogate pair. */
function shortened(text, most) {
    const chars = Array.from(text.replace(/\s+/g, ' ').trim());
    if (chars.length <= most) {
        return chars.join('');
    }
    const cut = chars.slice(0, most - 1).join('');
    const space = cut.lastIndexOf(' ');
    return `${(space > most * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function bar(strength) {
    const fill = h('span', { class: 'loop-bar-fill' });
    fill.style.width = `${Math.max(1, Math.min(10, strength)) * 10}%`;
    return fill;
}

function spelled(kind) {
    return (kind ?? '').toLowerCase().replaceAll('_', ' ');
}

/** What the strength bar and the arrows mean, in words beside them. */
function legend() {
    return h('ul', { class: 'loop-legend' },
        h('li', {}, h('span', { class: 'loop-bar', 'aria-hidden': 'true' }, bar(7)),
            ' Strength: how strongly it was felt, from 1 (faint) to 10 (overwhelming). The longer the bar, the stronger.'),
        h('li', {}, h('span', { class: 'loop-legend-arrow', 'aria-hidden': 'true' }, '→'),
            ' An arrow: what one partner did sets the other off, and the loop goes round again.'));
}
