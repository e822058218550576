// Requests to the services, through the edge on this page's own origin. Every request says who
// acts in the X-Duet-Partner header.
import { identity } from './identity.js';

/** A refused request, carrying the RFC 9457 problem the service answered with. */
export class Problem extends Error {
    constructor(status, body) {
        super(body?.detail ?? body?.title ?? body?.error ?? `The request failed (${status}).`);
        this.status = status;
        this.title = body?.title;
        this.rule = body?.rule;
        this.errors = Array.isArray(body?.errors) ? body.errors : [];
    }
}

/** POST /api/commands/{path}; resolves to the JSON answer, or null for 204. */
export function command(path, body) {
    return send('POST', `/api/commands/${path}`, body);
}

/** GET /api/queries/{path}; resolves to the view. */
export function query(path) {
    return send('GET', `/api/queries/${path}`);
}

async function send(method, url, body) {
    const headers = { 'Accept': 'application/json, application/problem+json', 'X-Duet-Partner': identity.partnerId };
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
        response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
        throw new Problem(0, { title: 'Offline', detail: 'Duet cannot be reached. Check your connection, then try again.' });
    }
    const text = await response.text();
    const data = text ? parseJson(text) : null;
    if (!response.ok) {
        throw new Problem(response.status, data);
    }
    return data;
}

function parseJson(text) {
    try {
        return JSON.parse(text);
    } catch {
        return null;
    }
}
