// Who is connected to a session now: live state the server keeps apart from what happened (joining,
// leaving and ending are events; a socket's life is not). Loaded when the session opens and after every
// reconnect, then followed as the server tells it. A person the server does not list has no
// connection to the session.
import { query } from './api.js';
import { NOT_YET, NOT_YET_RETRIES, SUBSCRIPTION_HOLDS_AFTER_MS } from './feed.js';
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
    let stopped = false;
    let watching = null; // undoes the subscription and the reloads, once the session is there to listen to
    const take = (presence) => {
        const known = new Map(presence.people.map((person) => [person.personId, person.connection]));
        const connectionOf = (personId) => known.get(personId) ?? 'ABSENT';
        onChange(connectionOf, before);
        before = connectionOf;
    };
    // A session only just started may not be readable yet: listening to it then would be refused, so
    // the page listens once its presence has been read, and asks again a little later until then.
    const load = (attempt = 0) => query(`sessions/${sessionId}/presence`).then((presence) => {
        if (stopped) {
            return;
        }
        take(presence);
        if (!watching) {
            watching = [watchPresence(`/topic/sessions.${sessionId}`, take), onConnect(() => load())];
            // A change told before the subscription took hold reached no one: read once more after.
            setTimeout(() => !stopped && load(), SUBSCRIPTION_HOLDS_AFTER_MS);
        }
    }).catch((problem) => {
        if (!stopped && !watching && NOT_YET.has(problem.status) && attempt < NOT_YET_RETRIES.length) {
            setTimeout(() => load(attempt + 1), NOT_YET_RETRIES[attempt]);
        }
        // Otherwise the session's own feed reports what went wrong.
    });
    load();
    return () => {
        stopped = true;
        watching?.forEach((undo) => undo());
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
