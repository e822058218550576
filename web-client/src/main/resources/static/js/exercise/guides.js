// Every exercise's name, purpose, steps and the labels of its choices, in the reader's language,
// from GET /api/queries/exercises (the server's i18n/exercises), fetched once per page, before the
// first screen (app.js): the page names the exercises as the guides do.
import { query } from '../api.js';
import { spelledOut } from '../words.js';

let guides = null;
let loaded = [];

/** Every exercise's guide, fetched once per page; a failed fetch is forgotten, so the next call asks again. */
export function exerciseGuides() {
    guides ??= query('exercises').then((all) => {
        loaded = all ?? [];
        return loaded;
    }, (problem) => {
        guides = null;
        throw problem;
    });
    return guides;
}

/** The guides loaded so far: empty until exerciseGuides() has answered. */
export function loadedGuides() {
    return loaded;
}

export function exerciseLabel(exercise) {
    return loaded.find((guide) => guide.exercise === exercise)?.title ?? spelledOut(exercise ?? 'session');
}
