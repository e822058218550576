// Who is connected to a session now: live state the server keeps apart from what happened (joining,
// leaving and ending are events; a socket's life is not). Loaded when the session opens and after every
// reconnect, then followed as the server tells it. A person the server does not list has no
// connection to the session.
import { query } from './api.js';
import { onConnect, watchPresence } from './live.js';
import { partnerName } from './words.js';

/** What each connection state is called, for a partner and for the observing therapist. */
const SAID = {
    HERE: { partner: 'here', therapist: 'observing' },
    AWAY: { partner: 'away', therapist: 'observing, away' },
    DROPPED: { partner: 'connection dropped: waiting', therapist: 'connection dropped' },
    ABSENT: { partner: 'not connected', therapist: 'not connected' },
};

/**
 * Calls onChange(connectionOf, before) whenever presence changes; connectionOf(personId) is 'HERE',
 * 'AWAY', 'DROPPED' or 'ABSENT'; before is the previous connectionOf, null on the first answer (until
 * which everyone who joined counts as here). Returns a function that stops following.
 */
export function followPresence(sessionId, onChange) {
    let before = null;
    const take = (presence) => {
        const known = new Map(presence.people.map((person) => [person.personId, person.connection]));
        const connectionOf = (personId) => known.get(personId) ?? 'ABSENT';
        onChange(connectionOf, before);
        before = connectionOf;
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

/**
 * Reads out each change of a partner's connection (not me, not what a page learns as it opens): for
 * those in the running session.
 */
export function announceConnections(view, before, after, announce, me = null) {
    if (!before || view.status !== 'RUNNING') {
        return;
    }
    for (const partner of view.partners.filter((p) => p.partnerId !== me && p.present)) {
        const news = presenceNews(partner.displayName, before(partner.partnerId), after(partner.partnerId));
        if (news) {
            announce(news);
        }
    }
}

/** What to tell the others when a partner's connection changes, or null when it is not worth saying. */
function presenceNews(displayName, before, after) {
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
