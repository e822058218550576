// Duet's page: finds the couple this browser's partner is in and shows, live, the screen the
// address asks for: #/ the couple (or the welcome), #/sessions/<id> one session.
import { query } from './js/api.js';
import { h } from './js/dom.js';
import { follow } from './js/feed.js';
import { identity } from './js/identity.js';
import { connect, onState } from './js/live.js';
import { coupleScreen } from './js/screens/couple.js';
import { sessionScreen } from './js/screens/session.js';
import { welcomeScreen } from './js/screens/welcome.js';

const me = identity.partnerId;
const main = document.getElementById('main');

let couple = null;          // { id, feed, invitationCode } once this partner is in a couple
let session = null;         // the followed session while its screen is open
let screen = null;          // the screen on show

function show(next, { focus = true } = {}) {
    screen = next;
    main.replaceChildren(next.el);
    document.title = `${next.title} · Duet`;
    if (focus) {
        // Keyboard and screen reader users land on the new screen's heading, not at the page's end.
        next.el.querySelector('h1')?.focus({ preventScroll: true });
    }
}

async function route() {
    session?.feed.stop();
    session = null;
    const match = location.hash.match(/^#\/sessions\/([\w-]+)$/);
    if (match) {
        openSession(match[1]);
    } else {
        await openHome();
    }
}

async function openHome() {
    if (!couple) {
        show(message('Duet', 'Looking for your couple…'), { focus: false });
        try {
            const view = await query(`partners/${me}/couple`);
            followCouple(view.coupleId);
        } catch (problem) {
            if (problem.status !== 404) {
                show(message('Duet is not reachable', problem.message, retryButton()));
                return;
            }
        }
    }
    if (!couple) {
        show(welcomeScreen({ onCouple: (coupleId, invitationCode) => {
            followCouple(coupleId, invitationCode);
            route();
        } }));
        return;
    }
    const overview = coupleScreen({ me, coupleId: couple.id, invitationCode: couple.invitationCode, announce });
    show(overview);
    if (couple.feed.view) {
        overview.update(couple.feed.view);
    }
}

function followCouple(coupleId, invitationCode) {
    couple?.feed.stop();
    couple = { id: coupleId, invitationCode };
    couple.feed = follow({
        topic: `/topic/couples.${coupleId}`,
        path: `couples/${coupleId}`,
        onView: (view) => screen?.coupleId === coupleId && screen.update(view),
    });
}

function openSession(sessionId) {
    const view = sessionScreen({ me, sessionId, announce });
    show(view);
    session = {
        feed: follow({
            topic: `/topic/sessions.${sessionId}`,
            path: `sessions/${sessionId}`,
            onView: (next) => {
                view.update(next);
                document.title = `${view.el.querySelector('h1').textContent} · Duet`;
            },
            // Once the session is on screen, a failed catch-up leaves it be: the next push or reconnect mends it.
            onError: (problem) => !session?.feed.view && show(message('This session cannot be shown', problem.message,
                h('a', { class: 'button', href: '#/' }, 'Back to your couple'))),
        }),
    };
}

function message(title, text, ...actions) {
    return {
        title,
        el: h('section', { class: 'card stack narrow' }, h('h1', { tabindex: -1 }, title), h('p', {}, text), actions),
    };
}

function retryButton() {
    return h('button', { class: 'button primary', type: 'button', onclick: () => route() }, 'Try again');
}

// Several changes can arrive in one push; they are read out together, once.
const announcer = document.getElementById('announcer');
let pending = [];
function announce(text) {
    if (pending.push(text) === 1) {
        setTimeout(() => {
            announcer.textContent = pending.join(' ');
            pending = [];
        }, 50);
    }
}

function showConnection() {
    const box = document.getElementById('connection');
    const words = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' };
    onState((state) => {
        box.dataset.state = state;
        box.querySelector('.connection-text').textContent = words[state];
    });
}

function showIdentity() {
    const other = identity.alias ? '/' : '/?as=partner-two';
    document.getElementById('identity').replaceChildren(
        h('p', {}, identity.alias
            ? ['This tab acts as the identity “', identity.alias, '”, kept apart from this browser’s usual one.']
            : 'This browser remembers you by a private random id, so you need no account yet.'),
        h('p', { class: 'muted small' }, 'Your id: ', h('code', {}, me)),
        h('p', {}, 'Trying Duet alone, as both partners? Open ',
            h('a', { href: other, target: '_blank' }, identity.alias ? 'your usual identity' : 'a second identity'),
            ' in another tab (or add ', h('code', {}, '?as=any-name'), ' to the address), and join your own couple from there.'));
}

showConnection();
showIdentity();
connect();
addEventListener('hashchange', route);
route();
