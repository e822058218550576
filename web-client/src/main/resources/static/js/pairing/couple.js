// One section of the couple's home (js/pairing/sections.js names them): its heading, the section's
// cards, and what the couple's view tells about changes, read out whichever section is on show. The
// page follows the couple's view once and hands each change to the section shown.
import { fill, h, named, namesJoined } from '../dom.js';
import { exerciseLabel } from '../exercise/guides.js';
import { partnerName } from '../words.js';
import { SECTIONS } from './sections.js';

/** loadOlder(list): adds the next older page of one of the couple view's lists, says whether older ones remain. */
export function coupleScreen({ section, me, coupleId, invitationCode, announce, onErased, loadOlder }) {
    const { title, lead, parts, paired: onlyPaired } = SECTIONS[section] ?? SECTIONS.today;
    let shown = null;
    const nameOf = (id) => shown?.partners.find((p) => p.partnerId === id)?.displayName;
    const body = parts({ me, coupleId, invitationCode, announce, onErased, loadOlder, nameOf });
    const heading = h('h1', { tabindex: -1 }, title);
    const subtitle = h('p', { class: 'lead' }, lead);
    const notYet = h('p', { class: 'card muted', hidden: true }, 'This opens up as soon as your partner has joined you.');
    const el = h('div', { class: `screen section-${section}` },
        h('section', { class: 'hero' }, heading, subtitle), notYet, body.el);

    function update(view) {
        const before = shown;
        shown = view;
        if (!view.paired) {
            const waitingFor = partnerName(view.partners[0]?.displayName);
            fill(subtitle, section === 'today' ? named`${waitingFor}, waiting for a partner.` : lead);
        } else {
            fill(subtitle, section === 'today' ? namesJoined(view.partners.map((p) => partnerName(p.displayName)), ' & ') : lead);
        }
        notYet.hidden = !onlyPaired || view.paired;
        body.el.hidden = Boolean(onlyPaired) && !view.paired;
        if (!body.el.hidden) {
            body.update(view, before);
        }
        if (before) {
            announceChanges(before, view);
        }
    }

    function announceChanges(before, after) {
        const other = after.partners.find((p) => p.partnerId !== me);
        if (!before.paired && after.paired && other) {
            announce(`${partnerName(other.displayName)} joined your couple.`);
        }
        const known = new Set(before.sessions?.map((s) => s.sessionId));
        const started = after.sessions?.find((s) => !known.has(s.sessionId) && s.status === 'RUNNING');
        if (started) {
            announce(`A new session started: ${exerciseLabel(started.exercise)}.`);
        }
    }

    return { el, title, coupleId, update, stop: () => body.stop?.() };
}
