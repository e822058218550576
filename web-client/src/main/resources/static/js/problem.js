// A refused request, carrying the RFC 9457 problem the service answered with.

export class Problem extends Error {
    constructor(status, body) {
        super(body?.detail ?? body?.title ?? body?.error ?? `The request failed (${status}).`);
        this.status = status;
        this.title = body?.title;
        this.rule = body?.rule;
        this.retryAfterSeconds = Number(body?.retryAfterSeconds) || null;
        this.errors = Array.isArray(body?.errors) ? body.errors : [];
    }
}
