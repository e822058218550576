// What the research page's cards share: requests on the read side, the research reference, and how
// a partner, a percentage and an enumeration read. Everything shown is pseudonymised: couples as c-…,
// sessions as s-…, partners as A and B.
import { queryCommand, signedResponse } from '../api.js';
import { h } from '../dom.js';

/** The research figures for bids turned toward, until a state brings its own. */
export const REFERENCE = { stayedTogetherPercent: 86, divorcedPercent: 33 };

export const numbers = new Intl.NumberFormat();

/** POST /api/queries/{path}; resolves to the JSON answer, or null when there is none. */
export function post(path, body) {
    return queryCommand(path, body);
}

/** Fetches a file with the token (a plain link could not carry it) and hands it to the browser to save. */
export async function download(path, fallbackName, type) {
    const response = await signedResponse('GET', `/api/queries/${path}`, { accept: `${type}, application/problem+json` });
    const name = response.headers.get('Content-Disposition')?.match(/filename="?([^";]+)"?/)?.[1] ?? fallbackName;
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked a little later: some browsers read the file only after click() has returned.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    return name;
}

/** A path segment; colons stay as they are, since figure names carry one ("bids-toward:A"). */
export function segment(text) {
    return encodeURIComponent(text).replace(/%3A/gi, ':');
}

export function atQuery(at) {
    return at ? `?at=${encodeURIComponent(at)}` : '';
}

export function showProblem(box, problem) {
    box.textContent = problem.message;
    box.hidden = false;
}

export function partnerWords(id) {
    if (id === 'therapist') {
        return 'the therapist';
    }
    return id ? `partner ${id}` : null;
}

/** An enumeration's value as lower-case words: "PARTLY_KEPT" as "partly kept". */
export function enumWords(value) {
    return String(value).toLowerCase().replace(/[_-]+/g, ' ');
}
