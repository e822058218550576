// Where a person is on the page: each role's sections and their addresses, and the header's nav to
// them. The address alone says what is shown, so the back button and a reload land where the person
// was; an address Duet does not know leads to the role's first section, never to an error page.
//   partners:   #/today  #/sessions  #/sessions/<id>  #/cycle  #/lists  #/privacy
//   therapists: #/caseload  #/couples/<id>  #/observing/<id>  (#/sessions/<id>, the old address, observes too)
//   analysts and operators: #/research
// Other features put their own items in the header (an unread count, say) through addHeaderItem.
import { h } from './dom.js';

const PARTNER = [
    { name: 'today', label: 'Today' },
    { name: 'sessions', label: 'Sessions' },
    { name: 'cycle', label: 'Our cycle' },
    { name: 'lists', label: 'Everyday life' },
    { name: 'privacy', label: 'Therapist & privacy' },
];
const THERAPIST = [{ name: 'caseload', label: 'Your couples' }];
const RESEARCH = [{ name: 'research', label: 'Research' }];

/** A role's sections; a person with several roles is shown the first that has a page, as before. */
function sectionsOf(roles = []) {
    if (roles.includes('PARTNER')) {
        return { role: 'partner', sections: PARTNER };
    }
    if (roles.includes('THERAPIST')) {
        return { role: 'therapist', sections: THERAPIST };
    }
    if (roles.includes('ANALYST') || roles.includes('ADMIN')) {
        return { role: 'research', sections: RESEARCH };
    }
    return { role: null, sections: [] };
}

/**
 * What an address asks of a person's page: { role, section, id, address } where address is the one
 * to show in the bar (the role's first section for #/ and for anything unknown).
 */
export function placeOf(roles, hash) {
    const { role, sections } = sectionsOf(roles);
    const [, first, id] = /^#\/([\w-]+)(?:\/([\w-]+))?\/?$/.exec(hash ?? '') ?? [];
    const home = sections[0] ? { role, section: sections[0].name, address: `#/${sections[0].name}` } : { role, section: null, address: hash };
    if (role === 'partner' && first === 'sessions' && id) {
        return { role, section: 'session', id, nav: 'sessions', address: `#/sessions/${id}` };
    }
    if (role === 'therapist' && id && ['couples', 'observing', 'sessions'].includes(first)) {
        const section = first === 'couples' ? 'case' : 'observing';
        return { role, section, id, address: `#/${section === 'case' ? 'couples' : 'observing'}/${id}` };
    }
    if (!id && sections.some((s) => s.name === first)) {
        return { role, section: first, address: `#/${first}` };
    }
    return home;
}

/**
 * The header's nav: the sections of the person's role, the one shown marked as the current page.
 * extra: an item for where one is beyond the sections (a therapist's open case), { label, address }.
 */
export function showNav(place, { hidden = false, extra = null } = {}) {
    const nav = document.getElementById('sections');
    nav.onclick ??= backToTop;
    const { sections } = sectionsOf(place?.role === 'partner' ? ['PARTNER'] : place?.role === 'therapist' ? ['THERAPIST']
        : place?.role === 'research' ? ['ANALYST'] : []);
    const current = place?.nav ?? place?.section;
    const items = sections.map((s) => ({ label: s.label, address: `#/${s.name}`, current: s.name === current }));
    if (extra) {
        items.push({ ...extra, current: true });
    }
    nav.hidden = hidden || items.length === 0;
    nav.querySelector('ul').replaceChildren(...items.map((item) => h('li', {},
        h('a', { href: item.address, 'aria-current': item.current ? 'page' : null }, item.label))));
}

/** The link to the section one is in changes no address: it takes one back to the section's top and heading. */
function backToTop(event) {
    const link = event.target.closest('a[aria-current="page"]');
    if (link && link.getAttribute('href') === location.hash) {
        event.preventDefault();
        scrollTo(0, 0);
        document.querySelector('main h1')?.focus({ preventScroll: true });
    }
}

/**
 * Puts an item of another feature in the header, beside who is signed in (e.g. an unread count
 * linking to #/notifications); returns what takes it away again.
 */
export function addHeaderItem(el) {
    document.getElementById('header-items').append(el);
    return () => el.remove();
}
