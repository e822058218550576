// How a partner's presence reads on the observer console, in this one place. A session's view says
// whether a partner is in the session; the live states of a connection ("away": the page is hidden,
// "connection dropped": the socket went without a goodbye) read here too, as STATES names them.
import { h } from '../dom.js';

const STATES = {
    here: 'here',
    away: 'away',
    dropped: 'connection dropped',
    out: 'not in the session',
};

/** { state, words }: state names the class the console shows it with, words what the therapist reads. */
export function presenceOf(partner, view) {
    const state = view.status === 'RUNNING' && partner.present ? 'here' : 'out';
    return { state, words: STATES[state] };
}

/** A partner's presence as a line with its dot; the dot is decoration, the words say it. */
export function presenceLine(partner, view) {
    const { state, words } = presenceOf(partner, view);
    return h('p', { class: `console-presence ${state}` }, h('span', { class: 'dot', 'aria-hidden': 'true' }), words);
}
