// Requests to the services, through the proxy on this page's own origin. Commands and queries carry
// the signed-in person's access token; a 401 gets one refresh and one retry, since the token may
// have expired (or been turned down) a moment before. Each command carries an Idempotency-Key of its
// own, so sending it again after a lost answer cannot do it twice.
import { accessToken, expire, refresh } from './auth.js';
import { Problem } from './problem.js';
import { newEntryId } from './ids.js';

export { Problem };

/** POST /api/commands/{path}; resolves to the JSON answer, or null for 204. */
export function command(path, body) {
    return oneAction('POST', `/api/commands/${path}`, body);
}

/** PUT /api/commands/{path}: writes (or rewrites) the thing at that address; null for 204. */
export function put(path, body) {
    return oneAction('PUT', `/api/commands/${path}`, body);
}

/** No answer came: no connection, or the proxy or the service was unavailable. */
const ANSWER_LOST = new Set([0, 502, 503, 504]);

/**
 * One user action, one Idempotency-Key. When its answer is lost the command may or may not have been
 * done, so it is sent once more, a second later, with the same key: the service answers that retry
 * with the first answer instead of doing it twice.
 */
async function oneAction(method, url, body) {
    const headers = { 'Idempotency-Key': newEntryId() }; // randomUUID exists on secure pages only
    try {
        return await signed(method, url, body, headers);
    } catch (problem) {
        if (!(problem instanceof Problem) || !ANSWER_LOST.has(problem.status)) {
            throw problem;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return sameActionAgain(method, url, body, headers);
    }
}

const STILL_RUNNING_RETRIES = 5;

/**
 * The retry of an action whose answer was lost. The first attempt may still be running on the
 * server (409 idempotency-key-in-flight): wait as told and ask again with the same key, a few times.
 * If the server stored the action but lost its answer in a crash (409 idempotency-key-answer-lost),
 * the action is done: its effect shows in the views, so there is nothing to send again.
 */
async function sameActionAgain(method, url, body, headers) {
    for (let attempt = 0; ; attempt++) {
        try {
            return await signed(method, url, body, headers);
        } catch (problem) {
            if (problem.rule === 'idempotency-key-answer-lost') {
                return null;
            }
            if (problem.rule !== 'idempotency-key-in-flight' || attempt >= STILL_RUNNING_RETRIES) {
                throw problem;
            }
            await new Promise((resolve) => setTimeout(resolve, (problem.retryAfterSeconds ?? 1) * 1000));
        }
    }
}

const CATCHING_UP_FOR_AT_MOST_MS = 60_000;

/**
 * GET /api/queries/{path}; resolves to the view. While the server's views catch up (after a restart
 * or a rebuild, a 503 that says so) it asks again when told to, for up to a minute.
 */
export async function query(path) {
    const giveUpAt = Date.now() + CATCHING_UP_FOR_AT_MOST_MS;
    for (;;) {
        try {
            return await signed('GET', `/api/queries/${path}`);
        } catch (problem) {
            if (problem.status !== 503 || problem.rule !== 'views-catching-up' || Date.now() > giveUpAt) {
                throw problem;
            }
            await new Promise((resolve) => setTimeout(resolve, (problem.retryAfterSeconds ?? 2) * 1000));
        }
    }
}

/**
 * GET /api/queries/{path} again and again, with growing pauses, until seen(view) holds or the pauses
 * run out: a read model that is not pushed catches up with a command only a moment after it.
 */
export async function queryUntil(path, seen, pauses = [100, 200, 400, 800, 1600]) {
    let view = await query(path);
    for (const pause of pauses) {
        if (seen(view)) {
            break;
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
        view = await query(path);
    }
    return view;
}

/** Opens an account: POST /api/identity/accounts, the one request made before signing in. */
export function openAccount(account) {
    return send('POST', '/api/identity/accounts', account, {});
}

/** POST /api/queries/{path}: the few controls that live on the read side (analysts' replays and rebuilds). */
export function queryCommand(path, body) {
    return signed('POST', `/api/queries/${path}`, body);
}

/**
 * The raw answer to a signed request, for what is not JSON (a file to download); refusals throw a
 * Problem like every other request.
 */
export async function signedResponse(method, url, { body, accept = 'application/json, application/problem+json', headers = {} } = {}) {
    const token = await accessToken();
    if (!token) {
        throw new Problem(401, { detail: 'You are not signed in.' });
    }
    let response = await attempt(method, url, body, accept, token, headers);
    if (response.status === 401) {
        // refresh() ends the sign-in, and says so, when the issuer will not renew it.
        response = await attempt(method, url, body, accept, (await refresh()).access, headers);
        if (response.status === 401) {
            expire();
        }
    }
    if (!response.ok) {
        throw new Problem(response.status, parseJson(await response.text()));
    }
    return response;
}

async function signed(method, url, body, headers) {
    const text = await (await signedResponse(method, url, { body, headers })).text();
    return text ? parseJson(text) : null;
}

/** An unsigned request: opening an account is the one made before signing in. */
async function send(method, url, body, extraHeaders) {
    const response = await attempt(method, url, body, 'application/json, application/problem+json', null, extraHeaders);
    const text = await response.text();
    const data = text ? parseJson(text) : null;
    if (!response.ok) {
        throw new Problem(response.status, data);
    }
    return data;
}

async function attempt(method, url, body, accept, token, extraHeaders = {}) {
    const headers = { Accept: accept, ...extraHeaders };
    if (token) {
        headers.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    try {
        return await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
        throw new Problem(0, { title: 'Offline', detail: 'Duet cannot be reached. Check your connection, then try again.' });
    }
}

function parseJson(text) {
    try {
        return JSON.parse(text);
    } catch {
        return null;
    }
}
