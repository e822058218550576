// Who this browser tab acts as. Until sign-in exists, a partner is a random id this browser keeps.
//
//   /            the usual identity of this browser (kept in localStorage)
//   /?as=sam     a named second identity, kept apart from the usual one: lets two tabs of one
//                browser be the two partners of a couple
//   /?fresh      a brand-new identity; the address becomes ?as=<new name> so a reload keeps it

const params = new URLSearchParams(location.search);

if (params.has('fresh')) {
    params.delete('fresh');
    params.set('as', `guest-${randomId().slice(0, 6)}`);
    history.replaceState(null, '', `${location.pathname}?${params}${location.hash}`);
}

const alias = (params.get('as') ?? '').trim().slice(0, 40) || null;
const storageKey = alias ? `duet.partner.as.${alias}` : 'duet.partner';

export const identity = Object.freeze({
    partnerId: remembered(storageKey),
    alias,
});

function remembered(key) {
    try {
        let id = localStorage.getItem(key);
        if (!id) {
            id = randomId();
            localStorage.setItem(key, id);
        }
        return id;
    } catch {
        // Storage can be switched off; then the identity lasts as long as the page.
        return randomId();
    }
}

function randomId() {
    // randomUUID exists only in secure contexts (https, localhost); a phone on the home network
    // reaches the page over plain http, so build a version-4 UUID by hand there.
    if (crypto.randomUUID) {
        return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
