// Words the page shows that no view names: how a bid can be answered, a partner whose name cannot be
// read, and how a key without a label reads. The names of exercises and of everything the cycle state names come from the API
// (exercise/guides.js, cycle/labels.js).

/** How a bid can be answered: the button's words and the words once it is answered. */
export const RESPONSES = {
    TOWARD: { action: 'Turn toward', done: 'turned toward', hint: 'meet it with attention or warmth' },
    AWAY: { action: 'Turn away', done: 'turned away from', hint: 'let it pass for now' },
    AGAINST: { action: 'Turn against', done: 'turned against', hint: 'push it back' },
};

/** A partner's name as a view gives it; one that cannot be read (erased, or not known yet) shows as this. */
export function partnerName(name) {
    return name ?? 'Partner';
}

export function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** For a label used inside a sentence. */
export function lowerFirst(text) {
    return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A key that has no label (yet), as plain words: "DE_ESCALATING" and "bid-turned-toward" as "De escalating", "Bid turned toward". */
export function spelledOut(key) {
    return capital(String(key ?? '').toLowerCase().replace(/[_-]+/g, ' ').trim());
}

/** An event's type as words: "CycleLinkRecorded" as "Cycle link recorded". */
export function typeWords(type) {
    return capital(String(type ?? 'event').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}
