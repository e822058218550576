// The live connection: STOMP over the page's own /ws. It reconnects by itself; after every
// (re)connect it subscribes again and tells the feeds to catch up over REST, since pushes sent
// while it was away are gone.
import { Client, ReconnectionTimeMode } from '@stomp/stompjs';

const topics = new Map();          // destination -> { handlers: Set, subscription }
const stateListeners = new Set();
const connectListeners = new Set();
let state = 'connecting';

const client = new Client({
    brokerURL: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
    reconnectDelay: 1000,
    reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
    maxReconnectDelay: 15000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
});

client.onConnect = () => {
    for (const [destination, topic] of topics) {
        topic.subscription = subscribe(destination);
    }
    setState('live');
    connectListeners.forEach((listener) => listener());
};
client.onWebSocketClose = () => {
    for (const topic of topics.values()) {
        topic.subscription = null;
    }
    setState(navigator.onLine ? 'reconnecting' : 'offline');
};
client.onStompError = (frame) => console.warn('STOMP error', frame.headers.message);

addEventListener('offline', () => setState('offline'));
addEventListener('online', () => setState(client.connected ? 'live' : 'reconnecting'));

/** Starts connecting; call once. */
export function connect() {
    client.activate();
}

/** Calls handler with every view pushed to destination until the returned function is called. */
export function watch(destination, handler) {
    let topic = topics.get(destination);
    if (!topic) {
        topic = { handlers: new Set(), subscription: client.connected ? subscribe(destination) : null };
        topics.set(destination, topic);
    }
    topic.handlers.add(handler);
    return () => {
        topic.handlers.delete(handler);
        if (topic.handlers.size === 0) {
            topics.delete(destination);
            if (client.connected && topic.subscription) {
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

/** Calls listener with 'connecting' | 'live' | 'reconnecting' | 'offline' now and on every change. */
export function onState(listener) {
    stateListeners.add(listener);
    listener(state);
    return () => stateListeners.delete(listener);
}

function subscribe(destination) {
    return client.subscribe(destination, (message) => {
        const view = JSON.parse(message.body);
        topics.get(destination)?.handlers.forEach((handler) => handler(view));
    });
}

function setState(next) {
    if (next !== state) {
        state = next;
        stateListeners.forEach((listener) => listener(state));
    }
}
