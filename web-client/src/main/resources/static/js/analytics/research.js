// What the research page's cards share: requests on the read side, the research reference, and how
// a partner, a percentage and an enumeration read. Everything shown is pseudonymised: couples as c-…,
// sessions as s-…, partners as A and B.
import { queryCommand } from '../api.js';

/** The research figures for bids turned toward, until a state brings its own. */
export const REFERENCE = { stayedTogetherPercent: 86, divorcedPercent: 33 };

export const numbers = new Intl.NumberFormat();

/** POST /api/queries/{path}; resolves to the JSON answer, or null when there is none. */
export function post(path, body) {
    return queryCommand(path, body);
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
