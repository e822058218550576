// A tiny element builder. Text goes in as text nodes, never as HTML, so names and words a
// partner types can never become markup.

export function h(tag, props = {}, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(props ?? {})) {
        if (value == null || value === false) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            el.addEventListener(name.slice(2).toLowerCase(), value);
        } else if (name === 'class') {
            el.className = value;
        } else {
            el.setAttribute(name, value === true ? '' : String(value));
        }
    }
    el.append(...children.flat(Infinity).filter((child) => child != null && child !== false));
    return el;
}

/**
 * A sentence with names (or words a partner wrote) in it, for h() or fill(): named`Waiting for ${name}.`
 * gives its text with each value in a <bdi>. A name in a right-to-left script (Hebrew, Arabic) would
 * otherwise take the words beside it into its own direction and reorder the sentence around it.
 */
export function named(strings, ...values) {
    return strings.flatMap((text, i) => [text, i < values.length ? h('bdi', {}, values[i]) : null])
        .filter((part) => part != null && part !== '');
}

/** Names one after another, each in its own <bdi> as in named`…`: namesJoined(names, ', ', ' and ') gives 'A, B and C'. */
export function namesJoined(names, between, last = between) {
    return names.flatMap((name, n) => [n === 0 ? null : n === names.length - 1 ? last : between, h('bdi', {}, name)])
        .filter((part) => part != null);
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element, as h() makes HTML ones: text goes in as text. */
export function svg(tag, attributes = {}, ...children) {
    const el = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
        if (value != null) {
            el.setAttribute(name, String(value));
        }
    }
    el.append(...children.flat(Infinity).filter((child) => child != null && child !== false));
    return el;
}

/** Replaces an element's children. */
export function fill(el, ...children) {
    el.replaceChildren(...children.flat(Infinity).filter((child) => child != null && child !== false));
    return el;
}

const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });

/** A <time> element: clock time for today, day and time otherwise. */
export function when(instant) {
    if (instant == null) {
        return null;
    }
    // ISO-8601 text as the services send it; epoch seconds too, should a serializer ever write numbers.
    const date = typeof instant === 'number' ? new Date(instant * 1000) : new Date(instant);
    if (Number.isNaN(date.getTime())) {
        return null;
    }
    const today = date.toDateString() === new Date().toDateString();
    return h('time', { datetime: date.toISOString() }, (today ? time : dayAndTime).format(date));
}

/**
 * Brings a list up to date in place: an item is rebuilt only when its signature changed, so the
 * keyboard focus stays put while pushes arrive. Returns the elements that were (re)built.
 */
export function renderList(list, items, { key, render, signature = (item) => JSON.stringify(item) }) {
    const first = !list.dataset.rendered;
    list.dataset.rendered = 'true';
    const existing = new Map([...list.children].map((el) => [el.dataset.key, el]));
    const built = [];
    let previous = null;
    for (const item of items) {
        const id = key(item);
        const sig = signature(item);
        let el = existing.get(id);
        existing.delete(id);
        if (!el || el.dataset.signature !== sig) {
            const fresh = render(item);
            fresh.dataset.key = id;
            fresh.dataset.signature = sig;
            if (!el && !first) {
                fresh.classList.add('arrive');
            }
            el?.replaceWith(fresh);
            el = fresh;
            built.push(el);
        }
        const expected = previous ? previous.nextElementSibling : list.firstElementChild;
        if (el !== expected) {
            list.insertBefore(el, expected);
        }
        previous = el;
    }
    existing.forEach((el) => el.remove());
    return built;
}
