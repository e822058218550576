// What the issuer's own small pages share: sending a form as JSON, and saying in words what went
// wrong, next to the form (role=alert), never a field's internal name.
export async function postJson(url, body) {
    let response;
    try {
        response = await fetch(url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
            body: JSON.stringify(body),
        });
    } catch {
        throw new Error('Duet cannot be reached just now. Check your connection, then try again.');
    }
    const answer = await response.json().catch(() => null);
    if (!response.ok) {
        const messages = (answer?.errors ?? []).map((e) => e.message).filter((m) => /^[A-Z]/.test(m ?? ''));
        throw new Error(messages[0] ?? answer?.detail ?? 'That did not work just now. Please try again.');
    }
    return answer;
}

export function say(box, text) {
    box.textContent = text;
    box.hidden = false;
}

/** The token of a mailed link: after the #, so it never travels to a server in an address or a Referer. */
export function linkToken() {
    const token = location.hash.slice(1);
    history.replaceState(null, '', location.pathname);
    return token;
}
