/** A fresh random id (a draft's, a request's key); crypto.randomUUID needs a secure page, getRandomValues does not. */
export function newEntryId() {
    if (crypto.randomUUID) {
        return crypto.randomUUID();
    }
    return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
