// How a partner's presence reads on the observer console, in this one place. A session's view says
// whether a partner is in the session (joining and leaving are events); their connection says whether
// they are here right now ("away": the page is hidden, "connection dropped": the socket went without a
// goodbye), as ../presence.js follows it.
import { h } from '../dom.js';
import { presenceWords } from '../presence.js';

/**
 * { state, words }: state names the class the console shows it with, words what the therapist reads.
 * connectionOf(personId): 'HERE', 'AWAY', 'DROPPED' or 'ABSENT'.
 */
export function presenceOf(partner, view, connectionOf = () => 'HERE') {
    if (view.status !== 'RUNNING' || !partner.present) {
        return { state: 'out', words: 'not in the session' };
    }
    const connection = connectionOf(partner.partnerId);
    return { state: connection.toLowerCase(), words: presenceWords(connection) };
}

/** A partner's presence as a line with its dot; the dot is decoration, the words say it. */
export function presenceLine(partner, view, connectionOf) {
    const { state, words } = presenceOf(partner, view, connectionOf);
    return h('p', { class: `console-presence ${state}` }, h('span', { class: 'dot', 'aria-hidden': 'true' }), words);
}
