// Who is connected to a session now: live state the server keeps apart from what happened (joining,
// leaving and ending are events; a socket's life is not). Loaded when the session opens and after every
// reconnect, then followed as the server tells it. A person the server does not list has no
// connection to the session.
import { query } from '../api.js';
import { onConnect, watchPresence } from '../live.js';
import { partnerName } from '../words.js';

/** What each connection state is called, for a partner and for the observing therapist. */
const SAID = {
    HERE: { partner: 'here', therapist: 'observing' },
    AWAY: { partner: 'away', therapist: 'observing, away' },
    DROPPED: { partner: 'connection dropped: waiting', therapist: 'connection dropped' },
    ABSENT: { partner: 'not connected', therapist: 'not connected' },
};

/**
 * Calls onChange(connectionOf) whenever presence changes (until the server first answers, everyone
 * who joined counts as here); connectionOf(personId) is 'HERE', 'AWAY',
 * 'DROPPED' or 'ABSENT'. Returns a function that stops following.
 */
export function followPresence(sessionId, onChange) {
    // A new function for each change, so a listener can compare what was with what is.
    const take = (presence) => {
        const known = new Map(presence.people.map((person) => [person.personId, person.connection]));
        onChange((personId) => known.get(personId) ?? 'ABSENT');
    };
    const load = () => query(`sessions/${sessionId}/presence`).then(take).catch(() => { /* the session's own feed reports problems */ });
    const stopWatching = watchPresence(`/topic/sessions.${sessionId}`, take);
    const stopReloading = onConnect(load);
    load();
    return () => {
        stopWatching();
        stopReloading();
    };
}

/** A few words for a person's connection: role is 'partner' or 'therapist'. */
export function presenceWords(connection, role = 'partner') {
    return (SAID[connection] ?? SAID.HERE)[role];
}

/** What to tell the others when a partner's connection changes, or null when it is not worth saying. */
export function presenceNews(displayName, before, after) {
    const name = partnerName(displayName);
    if (before === after || !before) {
        return null;
    }
    if (after === 'DROPPED') {
        return `${name}'s connection dropped: waiting for them to come back.`;
    }
    if (after === 'AWAY') {
        return `${name} is away: their screen is put aside.`;
    }
    if (after === 'ABSENT') {
        return `${name} has not come back yet.`;
    }
    return `${name} is back.`;
}
