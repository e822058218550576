// The live connection: STOMP over the page's own /ws, signed in with the current access token on
// every (re)connect. It reconnects by itself; after every (re)connect it subscribes again and tells
// the feeds to catch up over REST, since pushes sent while it was away are gone. A refusal (an
// ERROR frame) is reported, never swallowed; refused again and again, it stops and waits to be asked.
// When the server closes the connection because access ended (code 1008: a consent withdrawn, a
// couple erased), the feeds check their views over REST before it reconnects, so a view that is no
// longer theirs is dropped instead of being subscribed to again and refused.
import { Client, ReconnectionTimeMode, TickerStrategy } from '@stomp/stompjs';
import { accessToken, refresh } from './auth.js';

const REFUSALS_BEFORE_GIVING_UP = 3;
const STEADY_MS = 30_000;          // a connection that lasts this long without a refusal clears the count
const ACCESS_ENDED = 1008;         // the close code the server uses when access to what was heard ends
const CHECK_LIMIT_MS = 5_000;      // reconnecting waits at most this long for those checks
const NOTICE_HEADER = 'duet-notice'; // a frame that says something about the views, and is no view
const CATCHING_UP = 'views-catching-up'; // begins an ERROR that means "not yet", not "no"
const PRESENCE = 'presence';        // a notice that says who is connected to a session now

const topics = new Map();          // destination -> { handlers: Set, presence: Set, subscription }
const stateListeners = new Set();
const connectListeners = new Set();
const refusalListeners = new Set();
const accessEndedListeners = new Set();
let checking = null;               // the feeds' checks after an access-ended close, awaited before reconnecting
let state = 'connecting';
let refusals = 0;
let steadyTimer = null;
let renewBeforeConnect = false;
let refusedToken = null;           // the token a refused CONNECT carried
let catchingUp = false;            // the server said its views are catching up, and has not yet said they have

const client = new Client({
    brokerURL: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
    reconnectDelay: 1000,
    reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
    maxReconnectDelay: 15000,
    heartbeatIncoming: 10000,
    // The server drops a page silent for about ten seconds ("connection dropped"): beat well within
    // that, from a worker, which a hidden tab does not slow down as it does its timers.
    heartbeatOutgoing: 2000,
    heartbeatStrategy: TickerStrategy.Worker,
});

// Awaited before each attempt: the CONNECT frame always carries the token of this moment.
client.beforeConnect = async () => {
    if (checking) {
        await Promise.race([checking, new Promise((resolve) => setTimeout(resolve, CHECK_LIMIT_MS))]);
        checking = null;
    }
    try {
        let token = await accessToken();
        if (renewBeforeConnect && token === refusedToken) {
            token = (await refresh()).access; // unless a request renewed it meanwhile
        }
        renewBeforeConnect = false;
        if (token) {
            client.connectHeaders = { Authorization: `Bearer ${token}` };
            return;
        }
    } catch (problem) {
        if (problem.status !== 401) {
            return; // offline, or the issuer is busy: this attempt fails, a later one renews the token
        }
    }
    await client.deactivate(); // signed out: there is nobody to connect as
};

client.onConnect = () => {
    catchingUp = false; // a new connection hears again whether the views are catching up
    for (const [destination, topic] of topics) {
        topic.subscription = subscribe(destination);
    }
    setState('live');
    if (document.hidden) {
        tellShown(); // a new connection starts as here
    }
    clearTimeout(steadyTimer);
    steadyTimer = setTimeout(() => {
        refusals = 0;
    }, STEADY_MS);
    connectListeners.forEach((listener) => listener());
};
client.onWebSocketClose = (event) => {
    clearTimeout(steadyTimer);
    for (const topic of topics.values()) {
        topic.subscription = null;
    }
    if (state !== 'refused' && state !== 'stopped') {
        setState(navigator.onLine ? (catchingUp ? 'catching-up' : 'reconnecting') : 'offline');
    }
    if (event?.code === ACCESS_ENDED && accessEndedListeners.size > 0) {
        checking = Promise.allSettled([...accessEndedListeners].map((listener) => listener(event.reason)));
    }
};
client.onStompError = (frame) => {
    const reason = frame.headers.message || frame.body || 'The live connection was refused.';
    if (reason.includes(CATCHING_UP)) {
        // Not a refusal: the server's views are catching up (it restarted); connect again in a moment.
        catchingUp = true;
        setState('catching-up');
        client.forceDisconnect();
        return;
    }
    // Refused before it was connected: most likely the token; the next attempt renews it first.
    const atConnect = !client.connected;
    if (atConnect) {
        renewBeforeConnect = true;
        refusedToken = client.connectHeaders.Authorization?.slice('Bearer '.length);
    }
    refusals += 1;
    const givingUp = refusals >= REFUSALS_BEFORE_GIVING_UP;
    if (givingUp) {
        setState('refused');
        client.deactivate();
    } else {
        // STOMP ends a connection after an ERROR frame; if the server left it open, end it here.
        client.forceDisconnect();
    }
    refusalListeners.forEach((listener) => listener({ reason, atConnect, givingUp }));
};

// Whether the page is shown: the others see "away" while it is hidden (a phone put aside), which is not
// a dropped connection. Live state only; the server takes this and nothing else from a page.
document.addEventListener('visibilitychange', tellShown);

function tellShown() {
    if (client.connected) {
        client.publish({ destination: `/app/presence.${document.hidden ? 'away' : 'here'}`, body: '' });
    }
}

addEventListener('offline', () => client.active && setState('offline'));
addEventListener('online', () => client.active && setState(client.connected ? (catchingUp ? 'catching-up' : 'live') : 'reconnecting'));

/** Starts connecting (again, after a refusal or a sign-out); calling it while connected changes nothing. */
export function connect() {
    refusals = 0;
    if (!client.active) {
        setState('connecting');
        client.activate();
    }
}

/** Closes the connection and forgets every topic: for signing out. */
export async function disconnect() {
    topics.clear();
    setState('stopped');
    await client.deactivate();
}

/** Calls handler with every view pushed to destination until the returned function is called. */
export function watch(destination, handler) {
    return listen(destination, 'handlers', handler);
}

/** Calls handler with who is connected to a session whenever that changes, told on its destination. */
export function watchPresence(destination, handler) {
    return listen(destination, 'presence', handler);
}

function listen(destination, kind, handler) {
    let topic = topics.get(destination);
    if (!topic) {
        topic = { handlers: new Set(), presence: new Set(), subscription: client.connected ? subscribe(destination) : null };
        topics.set(destination, topic);
        if (topic.subscription && document.hidden) {
            tellShown(); // a new subscription to a session starts as here: a hidden page says it is away
        }
    }
    topic[kind].add(handler);
    return () => {
        topic[kind].delete(handler);
        if (topic.handlers.size === 0 && topic.presence.size === 0) {
            topics.delete(destination);
            // A socket the server is closing (access ended) takes no more frames; it forgets the subscription anyway.
            if (client.connected && topic.subscription && client.webSocket?.readyState === WebSocket.OPEN) {
                topic.subscription.unsubscribe();
            }
        }
    };
}

/** Calls listener after every successful (re)connect; returns a function that stops it. */
export function onConnect(listener) {
    connectListeners.add(listener);
    return () => connectListeners.delete(listener);
}

/** Calls listener with 'connecting' | 'live' | 'catching-up' | 'reconnecting' | 'offline' | 'refused' | 'stopped' now and on every change. */
export function onState(listener) {
    stateListeners.add(listener);
    listener(state);
    return () => stateListeners.delete(listener);
}

/**
 * Calls listener(reason) when the server closes the connection because someone's access ended; the
 * next connect waits (a few seconds at most) for the promise the listener returns.
 */
export function onAccessEnded(listener) {
    accessEndedListeners.add(listener);
    return () => accessEndedListeners.delete(listener);
}

/** Calls listener({ reason, atConnect, givingUp }) for every ERROR frame the server sends. */
export function onRefusal(listener) {
    refusalListeners.add(listener);
    return () => refusalListeners.delete(listener);
}

function subscribe(destination) {
    return client.subscribe(destination, (message) => {
        const notice = message.headers[NOTICE_HEADER];
        if (notice === PRESENCE) {
            const presence = JSON.parse(message.body);
            topics.get(destination)?.presence.forEach((handler) => handler(presence));
            return;
        }
        if (notice) {
            heard(notice);
            return;
        }
        const view = JSON.parse(message.body);
        topics.get(destination)?.handlers.forEach((handler) => handler(view));
    });
}

// The server says on a topic when its views are catching up (after a restart or a rebuild: no pushes
// meanwhile) and when they have caught up: then every feed fetches its view again.
function heard(notice) {
    if (notice === 'catching-up') {
        catchingUp = true;
        if (state === 'live') {
            setState('catching-up');
        }
    } else if (notice === 'view-too-large') {
        // A view over the server's limit for a pushed frame is not pushed: every feed fetches its view.
        connectListeners.forEach((listener) => listener());
    } else if (notice === 'caught-up' && catchingUp) {
        catchingUp = false;
        if (state === 'catching-up') {
            setState('live');
        }
        connectListeners.forEach((listener) => listener());
    }
}

function setState(next) {
    if (next !== state) {
        state = next;
        stateListeners.forEach((listener) => listener(state));
    }
}
