// Who is signed in in this tab. Duet's issuer lives on this page's own origin: signing in is the
// OAuth 2 authorization code flow with PKCE, the issuer showing its own sign-in form. The tokens
// stay in sessionStorage, so a sign-in ends with its tab. Access tokens live minutes: they are
// refreshed shortly before they expire and whenever a service answers 401. Each refresh rotates
// the refresh token (the old one dies), so only one refresh may ever be under way.
import { Problem } from './problem.js';
import { sha256 } from './identity/sha256.js';

const CLIENT_ID = 'duet-web';
const TOKENS = 'duet.tokens';           // { access, refresh, expiresAt }
const PENDING = 'duet.sign-in';         // { state, verifier, returnTo } while the issuer has the browser
const NOTICE = 'duet.notice';           // a word for the signed-out screen, kept across the sign-out redirect
const EARLY_MS = 60_000;                // refresh this long before the access token expires

const endListeners = new Set();
let refreshing = null;
let refreshTimer = null;

/** The signed-in person as the access token names them, or null: { id, name, roles }. */
export function person() {
    const claims = decode(stored()?.access);
    if (!claims?.sub) {
        return null;
    }
    return { id: claims.sub, name: claims.name ?? '', roles: Array.isArray(claims.roles) ? claims.roles : [] };
}

/**
 * Finishes a sign-in when the issuer sent the browser back here with ?code= (or ?error=), and
 * schedules the next refresh. Rejects with a Problem when the sign-in could not be completed.
 */
export async function start() {
    const params = new URLSearchParams(location.search);
    if (params.has('code') || params.has('error')) {
        const pending = readJson(PENDING);
        sessionStorage.removeItem(PENDING);
        // Off the address at once: a reload must not offer the same one-time code again.
        history.replaceState(null, '', `${location.pathname}${pending?.returnTo ?? ''}`);
        if (params.has('error')) {
            throw new Problem(401, { detail: 'The sign-in was not completed. Please try again.' });
        }
        if (!pending || pending.state !== params.get('state')) {
            throw new Problem(401, { detail: 'This sign-in link has run out. Please sign in again.' });
        }
        await tokenRequest({
            grant_type: 'authorization_code',
            code: params.get('code'),
            redirect_uri: redirectUri(),
            client_id: CLIENT_ID,
            code_verifier: pending.verifier,
        }).catch((problem) => {
            throw problem.status === 401 ? new Problem(401, { detail: 'The sign-in could not be completed. Please sign in again.' }) : problem;
        });
    }
    scheduleRefresh();
}

/** Sends the browser to the issuer's sign-in; it comes back to this page with a code. */
export async function signIn({ loginHint } = {}) {
    const verifier = randomText(48);
    const state = randomText(24);
    sessionStorage.setItem(PENDING, JSON.stringify({ state, verifier, returnTo: location.hash }));
    const challenge = base64Url(await digest(new TextEncoder().encode(verifier)));
    const query = new URLSearchParams({
        response_type: 'code',
        client_id: CLIENT_ID,
        redirect_uri: redirectUri(),
        scope: 'openid profile',
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
    });
    if (loginHint) {
        query.set('login_hint', loginHint);
    }
    location.assign(`/oauth2/authorize?${query}`);
}

/** An access token that is good for at least a minute more, refreshed first if need be; null when signed out. */
export async function accessToken() {
    const tokens = stored();
    if (!tokens) {
        return null;
    }
    if (Date.now() < tokens.expiresAt - EARLY_MS) {
        return tokens.access;
    }
    return (await refresh()).access;
}

/** Trades the refresh token for new tokens; every caller shares the one refresh under way. */
export function refresh() {
    refreshing ??= refreshOnce().finally(() => {
        refreshing = null;
    });
    return refreshing;
}

async function refreshOnce() {
    const tokens = stored();
    if (!tokens?.refresh) {
        end('expired');
        throw new Problem(401, { detail: 'You are not signed in.' });
    }
    return tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh, client_id: CLIENT_ID });
}

/**
 * Leaves at once for another page, signed out: the tokens go from this tab before anything else, the
 * refresh token is revoked on the way out (the request outlives the page), and the page is replaced, so
 * neither Back nor this tab's storage brings Duet back signed in. For a quick exit from danger.
 */
export function leaveNow(url) {
    const refreshToken = stored()?.refresh;
    forget();
    if (refreshToken) {
        fetch('/oauth2/revoke', {
            method: 'POST',
            keepalive: true,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ token: refreshToken, token_type_hint: 'refresh_token', client_id: CLIENT_ID }),
        }).catch(() => undefined);
    }
    location.replace(url);
}

/** Revokes the refresh token and forgets the tokens, then ends the issuer's own session too, which brings the browser back to /. */
export async function signOut() {
    const refreshToken = stored()?.refresh;
    if (refreshToken) {
        await fetch('/oauth2/revoke', {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ token: refreshToken, token_type_hint: 'refresh_token', client_id: CLIENT_ID }),
        }).catch(() => undefined);
    }
    end('signed-out');
    sessionStorage.setItem(NOTICE, 'signed-out');
    try {
        const response = await fetch('/api/identity/csrf', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        const csrf = await response.json();
        const form = document.createElement('form');
        form.method = 'post';
        form.action = '/sign-out';
        form.hidden = true;
        form.append(Object.assign(document.createElement('input'), { type: 'hidden', name: csrf.parameterName, value: csrf.token }));
        document.body.append(form);
        form.submit();
    } catch {
        // The issuer cannot be reached: this tab has forgotten the tokens, which is what counts here.
    }
}

/** Ends the sign-in in this tab because the services no longer accept it, even freshly renewed. */
export function expire() {
    end('expired');
}

/** Calls listener('expired' | 'signed-out') when the sign-in ends in this tab; returns a function that stops it. */
export function onEnd(listener) {
    endListeners.add(listener);
    return () => endListeners.delete(listener);
}

/** What the signed-out screen should say once, if anything ('signed-out' after signing out). */
export function takeNotice() {
    const notice = sessionStorage.getItem(NOTICE);
    sessionStorage.removeItem(NOTICE);
    return notice;
}

async function tokenRequest(form) {
    let response;
    try {
        response = await fetch('/oauth2/token', {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
            body: new URLSearchParams(form),
        });
    } catch {
        throw new Problem(0, { title: 'Offline', detail: 'Duet cannot be reached. Check your connection, then try again.' });
    }
    const answer = await response.json().catch(() => null);
    if (!response.ok || !answer?.access_token) {
        if (response.status >= 500) {
            throw new Problem(response.status, { detail: 'Duet could not renew your sign-in just now. Please try again in a moment.' });
        }
        // invalid_grant and friends: the code or refresh token is used up or has expired.
        forget();
        end('expired');
        throw new Problem(401, { detail: 'Your sign-in has ended. Please sign in again.' });
    }
    const tokens = {
        access: answer.access_token,
        refresh: answer.refresh_token ?? stored()?.refresh,
        expiresAt: Date.now() + (answer.expires_in ?? 300) * 1000,
    };
    sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
    scheduleRefresh();
    return tokens;
}

function scheduleRefresh() {
    clearTimeout(refreshTimer);
    const tokens = stored();
    if (tokens) {
        // A refresh that fails here is retried on the next request, which also reports it.
        refreshTimer = setTimeout(() => refresh().catch(() => {}), Math.max(0, tokens.expiresAt - EARLY_MS - Date.now()));
    }
}

function forget() {
    clearTimeout(refreshTimer);
    sessionStorage.removeItem(TOKENS);
}

function end(reason) {
    forget();
    endListeners.forEach((listener) => listener(reason));
}

function stored() {
    const tokens = readJson(TOKENS);
    return tokens?.access ? tokens : null;
}

/** SHA-256 by the browser where it offers it (secure pages), else by our own: Duet may be opened over plain http at a home-network name. */
async function digest(bytes) {
    return crypto.subtle ? new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)) : sha256(bytes);
}

function redirectUri() {
    return `${location.origin}/`;
}

/** The claims of a JWT, read without checking its signature: the services check it, the page only reads it. */
function decode(jwt) {
    try {
        const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
        return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
        return null;
    }
}

function readJson(key) {
    try {
        return JSON.parse(sessionStorage.getItem(key));
    } catch {
        return null;
    }
}

function randomText(bytes) {
    return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
