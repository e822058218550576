// Duet's page. Signed out, it welcomes and lets people in; signed in, it shows the section of their
// role's home the address asks for (js/nav.js lists them): partners their couple's sections, live,
// from one couple view followed once (or the welcome, until they are in a couple) and one session;
// therapists their couples, one couple's case and the console of a session they observe; analysts
// and operators the research screen. Each section opens at its top, its heading focused.
import { query } from './js/api.js';
import { onEnd, person as signedIn, signOut, start, takeNotice } from './js/auth.js';
import { h } from './js/dom.js';
import { follow } from './js/feed.js';
import { connect, disconnect, onRefusal, onState } from './js/live.js';
import { forgetUnsaved } from './js/unsaved.js';
import { addHeaderItem, placeOf, showNav } from './js/nav.js';
import { analystScreen } from './js/analytics/analyst-screen.js';
import { loadCycleLabels } from './js/cycle/labels.js';
import { exerciseGuides } from './js/exercise/guides.js';
import { caseScreen } from './js/clinical/case.js';
import { concernBanner } from './js/clinical/concern-banner.js';
import { observingConsole } from './js/clinical/console.js';
import { coupleScreen } from './js/pairing/couple.js';
import { sessionScreen } from './js/session/session.js';
import { signedOutScreen } from './js/identity/signed-out.js';
import { therapistScreen } from './js/clinical/therapist.js';
import { welcomeScreen } from './js/pairing/welcome.js';
import { notificationBell } from './js/notification/bell.js';
import { notificationsScreen } from './js/notification/notifications.js';

const main = document.getElementById('main');

let person = null;          // { id, name, roles } while signed in
let couple = null;          // { id, feed, invitationCode } once this partner is in a couple
let session = null;         // the followed session while its screen is open
let screen = null;          // the screen on show
let concerns = null;        // a therapist's safety-concern banner, on every screen while signed in
let bell = null;            // the unread count in the header, for partners and therapists
let routing = 0;            // counts the addresses asked for: a route overtaken by a newer one gives way

function show(next, { focus = true } = {}) {
    screen?.stop?.();
    screen = next;
    main.replaceChildren(next.el);
    document.title = `${next.title} · Duet`;
    // A new screen opens at its top, wherever the one before was scrolled to.
    scrollTo(0, 0);
    if (focus) {
        // Keyboard and screen reader users land on the new screen's heading, not at the page's end.
        (next.focus ?? (() => next.el.querySelector('h1')?.focus({ preventScroll: true })))();
    }
}

/**
 * The words every screen shows for exercises and the cycle state, from the API, once per page: a
 * screen is shown only after they are in (or have failed, and are asked for again at the next route).
 */
function loadWords() {
    return Promise.allSettled([loadCycleLabels(), exerciseGuides()]);
}

async function route() {
    const turn = ++routing;
    if (person) {
        await loadWords();
        if (!person || turn !== routing) {
            return; // the sign-in ended meanwhile, or another address was asked for: that one is shown
        }
    }
    session?.feed.stop();
    session = null;
    if (person && location.hash === '#/notifications') {
        // Beside the sections, reached from the bell: the nav stays, with no section marked.
        showNav({ ...placeOf(person.roles, '#/'), nav: 'notifications' }, { hidden: person.roles.includes('PARTNER') && !couple });
        show(notificationsScreen({ person: person.id, announce }));
        return;
    }
    if (!person) {
        showNav(null, { hidden: true });
        show(signedOutScreen({ focusSignUp: location.hash === '#/sign-up' }), { focus: location.hash === '#/sign-up' });
        return;
    }
    const place = placeOf(person.roles, location.hash);
    if (place.address !== location.hash) {
        history.replaceState(null, '', place.address);
    }
    if (place.role === 'partner' && place.section === 'session') {
        showNav(place, { hidden: !couple });
        openSession(place.id);
        if (!couple) {
            // Opened straight at a session (a reload): the couple's sections come into the nav once it is found.
            findCouple().then(() => couple && turn === routing && showNav(place));
        }
    } else if (place.role === 'partner') {
        await openHome(place, turn);
    } else if (place.role === 'therapist') {
        concerns?.refresh();
        const extra = { case: 'This couple', observing: 'Observing' }[place.section];
        showNav(place, { extra: extra && { label: extra, address: place.address } });
        if (place.section === 'observing') {
            openSession(place.id, { observer: true });
        } else if (place.section === 'case') {
            show(caseScreen({ coupleId: place.id, me: person.id, announce, onGone: () => show(noLongerShared()) }));
        } else {
            show(therapistScreen({ person, announce }));
        }
    } else if (place.role === 'research') {
        showNav(place);
        show(analystScreen({ person, announce }));
    } else {
        show(message('Nothing here yet for your role',
            'You are signed in, and your account works. Duet has no page for your role yet; partners and therapists each have theirs.'));
    }
}

async function openHome(place, turn) {
    if (!couple) {
        show(message('Duet', 'Looking for your couple…'), { focus: false });
        const problem = await findCouple();
        if (!person || turn !== routing) {
            return; // the sign-in ended meanwhile, or another address was asked for
        }
        if (problem) {
            show(message('Duet is not reachable', problem.message, retryButton()));
            return;
        }
    }
    if (!couple) {
        // Without a couple there are no sections yet: the welcome is Today.
        history.replaceState(null, '', '#/today');
        showNav(null, { hidden: true });
        show(welcomeScreen({ name: person.name, onCouple: (coupleId, invitationCode) => {
            followCouple(coupleId, invitationCode);
            route();
        } }));
        return;
    }
    showNav(place);
    const overview = coupleScreen({ section: place.section, me: person.id, coupleId: couple.id, invitationCode: couple.invitationCode, announce,
        onErased: coupleErased, loadOlder: (list) => couple?.feed.loadOlder(list) ?? Promise.resolve(false) });
    show(overview);
    if (couple.feed.view) {
        overview.update(couple.feed.view);
        // The one feed stays subscribed across sections; a section opened asks once for anything a push may have missed.
        couple.feed.refresh();
    }
}

/** Finds this partner's couple and follows it; returns what went wrong, or null (also when there is no couple yet). */
async function findCouple() {
    try {
        const view = await query('my/couple');
        if (!couple) {
            followCouple(view.coupleId);
        }
        return null;
    } catch (problem) {
        return problem.status === 404 ? null : problem;
    }
}

function followCouple(coupleId, invitationCode) {
    couple?.feed.stop();
    couple = { id: coupleId, invitationCode };
    couple.feed = follow({
        topic: `/topic/couples.${coupleId}`,
        path: `couples/${coupleId}`,
        onView: (view) => screen?.coupleId === coupleId && screen.update(view),
        // The couple's view was shown and is now refused or gone: one of the partners erased it.
        onGone: () => coupleErased(),
    });
}

/** The couple was erased, by this partner or the other: nothing of it is followed or shown any more. */
function coupleErased() {
    couple?.feed.stop();
    couple = null;
    session?.feed.stop();
    session = null;
    if (screen?.erased) {
        return;
    }
    history.replaceState(null, '', '#/today');
    showNav(null, { hidden: true });
    show({ ...message('Your couple is erased',
        'Every word the two of you wrote in Duet is now unreadable, for good, and your couple and its sessions are gone, '
        + 'for both of you and for any therapist. You can start again whenever you like.',
        h('button', { class: 'button primary', type: 'button', onclick: () => route() }, 'Start afresh')), erased: true });
}

function openSession(sessionId, { observer = false } = {}) {
    // A therapist observes on their console; a partner takes part on the session's screen.
    const view = observer ? observingConsole({ me: person.id, sessionId, announce }) : sessionScreen({ me: person.id, sessionId, announce,
        loadOlder: (list) => session?.feed.loadOlder(list) ?? Promise.resolve(false),
        therapists: () => (couple?.feed.view?.therapists ?? []).filter((t) => t.access === 'ACTIVE').map((t) => t.therapistName) });
    show(view);
    const back = observer ? 'Back to your couples' : 'Back to your couple';
    session = {
        feed: follow({
            topic: `/topic/sessions.${sessionId}`,
            path: `sessions/${sessionId}`,
            onView: (next) => {
                view.update(next);
                document.title = `${view.el.querySelector('h1').textContent} · Duet`;
            },
            // Once the session is on screen, a failed catch-up leaves it be: the next push or reconnect mends it.
            onError: (problem) => person && !session?.feed.view && show(observer && problem.status === 403
                ? noLongerShared()
                : message('This session cannot be shown', problem.message, h('a', { class: 'button', href: '#/' }, back))),
            // Shown, then refused: a therapist's consent was withdrawn, or the couple was erased.
            onGone: () => {
                if (observer) {
                    show(noLongerShared());
                } else {
                    show(message('This session is no longer available', 'It cannot be shown any more.', h('a', { class: 'button', href: '#/' }, back)));
                    couple?.feed.refresh();
                }
            },
        }),
    };
}

function noLongerShared() {
    return message('No longer shared with you', 'This couple no longer shares their sessions with you, so nothing of theirs is shown here any more.',
        h('a', { class: 'button primary', href: '#/' }, 'Back to your couples'));
}

/** The sign-in ended in this tab (signed out, or no longer renewable): back to the welcome, saying why. */
function signedOut(reason) {
    person = null;
    couple?.feed.stop();
    couple = null;
    session?.feed.stop();
    session = null;
    concerns?.stop();
    concerns = null;
    bell?.stop();
    bell = null;
    forgetUnsaved();
    disconnect();
    showNav(null, { hidden: true });
    showPerson();
    showNotice(null);
    show(signedOutScreen({ notice: reason }));
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

/** A note under the header that stays until it is dismissed or replaced (null removes it). */
function showNotice(text, ...actions) {
    const box = document.getElementById('notice');
    if (!text) {
        box.replaceChildren();
        box.hidden = true;
        return;
    }
    const dismiss = h('button', { class: 'button quiet', type: 'button', onclick: () => showNotice(null) }, 'Dismiss');
    box.replaceChildren(h('p', {}, text), h('div', { class: 'notice-actions' }, actions, dismiss));
    box.hidden = false;
}

function showConnection() {
    const box = document.getElementById('connection');
    const words = { connecting: 'Connecting…', live: 'Live', 'catching-up': 'Catching up…', reconnecting: 'Reconnecting…', offline: 'Offline', refused: 'Not connected', stopped: '' };
    let mendedByReconnecting = false;   // a refusal of CONNECT is usually an old token, renewed for the next try
    onState((state) => {
        box.dataset.state = state;
        box.hidden = state === 'stopped';
        box.querySelector('.connection-text').textContent = words[state];
        if (state === 'live' && mendedByReconnecting) {
            mendedByReconnecting = false;
            showNotice(null);
        }
    });
    onRefusal(({ reason, atConnect, givingUp }) => {
        mendedByReconnecting = atConnect && !givingUp;
        showNotice(givingUp
            ? `Live updates were turned down several times, so Duet stopped trying for now. The server said: “${reason}”`
            : `Live updates were turned down, and Duet is trying again. The server said: “${reason}”`,
        givingUp && h('button', { class: 'button', type: 'button', onclick: () => { showNotice(null); connect(); } }, 'Try again'));
    });
}

function showPerson() {
    const slot = document.getElementById('person');
    if (!person) {
        slot.replaceChildren();
        return;
    }
    const out = h('button', { class: 'button quiet sign-out', type: 'button' }, 'Sign out');
    out.addEventListener('click', () => {
        out.setAttribute('aria-disabled', 'true');
        signOut();
    });
    slot.replaceChildren(h('span', { class: 'person-name' }, h('span', { class: 'visually-hidden' }, 'Signed in as '), h('bdi', {}, person.name)), out);
}

async function boot() {
    // Each section opens at its top: the browser is not to put back where an earlier screen was scrolled to.
    history.scrollRestoration = 'manual';
    document.getElementById('connection').hidden = true;
    onEnd(signedOut);
    let notice = takeNotice();
    try {
        await start();
    } catch (problem) {
        notice = problem.message;
    }
    person = signedIn();
    showPerson();
    if (['PARTNER', 'THERAPIST', 'ANALYST'].some((role) => person?.roles.includes(role))) {
        showConnection();
        connect();
    }
    if (['PARTNER', 'THERAPIST'].some((role) => person?.roles.includes(role))) {
        const unread = notificationBell({ person: person.id, announce });
        const remove = addHeaderItem(unread.el);
        bell = { stop: () => { unread.stop(); remove(); } };
    }
    if (person?.roles.includes('THERAPIST')) {
        concerns = concernBanner({ slot: document.getElementById('concerns'), therapistId: person.id, announce });
    }
    addEventListener('hashchange', route);
    if (person) {
        await route();
    } else {
        show(signedOutScreen({ notice, focusSignUp: location.hash === '#/sign-up' }), { focus: Boolean(notice) || location.hash === '#/sign-up' });
    }
}

boot();
