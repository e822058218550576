// The words for everything the cycle state names: phases, roles, leans, bands, lean gaps, timeline
// moments, figures and the events behind them. They come from GET /api/queries/cycle/labels, in the
// reader's language, loaded once per page before the first screen (app.js): no screen keeps a copy.
// Until they are loaded, or if they cannot be, a kind is shown spelled out from its key.
import { query } from '../api.js';
import { h, named } from '../dom.js';
import { lowerFirst, spelledOut, typeWords } from '../words.js';

let words = null;
let loading = null;

/** Loads the words once; a failed load is forgotten, so the next call asks again. */
export function loadCycleLabels() {
    loading ??= query('cycle/labels').then((loaded) => {
        words = loaded ?? {};
        return words;
    }, (problem) => {
        loading = null;
        throw problem;
    });
    return loading;
}

/** The phases in their order, as keys. */
export function phases() {
    return Object.keys(words?.phases ?? {});
}

export function phaseLabel(phase) {
    return words?.phases?.[phase]?.label ?? spelledOut(phase ?? 'unknown');
}

export function phaseAbout(phase) {
    return words?.phases?.[phase]?.about ?? '';
}

export function roleLabel(role) {
    return words?.roles?.[role] ?? words?.roles?.UNCLEAR ?? spelledOut(role ?? 'unclear');
}

/** The leans in their order: [key, { label, about }]. */
export function leans() {
    return Object.entries(words?.leans ?? {});
}

export function leanLabel(lean) {
    return words?.leans?.[lean]?.label ?? spelledOut(lean);
}

/** Where bids turned toward fall against the research reference; empty for no band. */
export function bandLabel(band) {
    return band ? words?.bands?.[band] ?? spelledOut(band) : '';
}

/** How far apart two leans are: 0, 1 or 2. */
export function gapLabel(gap) {
    return words?.gaps?.[String(gap)] ?? `${gap} apart`;
}

/**
 * A timeline moment in words, its partner's name in a <bdi> (named`…` in dom.js says why). who(partnerId)
 * names its partner as a sentence starts with it ("You", "Sam", "Partner A"); a moment without a
 * partner has no {who} in its words.
 */
export function momentWords({ kind, partnerId }, who) {
    const template = words?.timeline?.[kind];
    if (template == null) {
        return partnerId ? [named`${who(partnerId)}: `, lowerFirst(spelledOut(kind ?? 'moment'))] : spelledOut(kind ?? 'moment');
    }
    return template.split('{who}').flatMap((text, n) => (n === 0 ? [text] : [h('bdi', {}, who(partnerId)), text]));
}

/** A figure whose events a "Why?" shows, by its name ("bids-toward:A" is a "bids-toward"). */
export function evidenceLabel(figure) {
    const kind = String(figure ?? '').split(':')[0];
    return words?.evidence?.[kind] ?? spelledOut(kind);
}

/** An event that lies behind a figure, by its type. */
export function eventLabel(type) {
    return words?.events?.[type] ?? typeWords(type);
}
