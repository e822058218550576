// Both partners side by side on the observer console (one above the other on a narrow screen): each
// one's name, presence and step, and what they have let out so far, newest first: their shared and
// revealed answers (a cycle link by its name), softer words, bids, pacts and the baby steps they took
// up. All of it comes from the session's view, which holds only what both partners can see: a
// partner's draft, or an answer before its reveal, never reaches this screen.
import { fill, h, renderList, when } from '../dom.js';
import { entryBody } from '../exercise/answers.js';
import { partnerName, RESPONSES, spelledOut } from '../words.js';
import { presenceLine } from './console-presence.js';

/** announce: reads out what a partner let out while the console is open. */
export function partnerColumns({ announce }) {
    const el = h('div', { class: 'console-partners' });
    const columns = new Map();      // partnerId -> a column

    /** context: { guide, labels, nameOf } as the console knows them now. */
    function update(view, context) {
        const ids = view.partners.map((p) => p.partnerId);
        for (const [id, column] of columns) {
            if (!ids.includes(id)) {
                column.el.remove();
                columns.delete(id);
            }
        }
        view.partners.forEach((partner, n) => {
            if (!columns.has(partner.partnerId)) {
                columns.set(partner.partnerId, partnerColumn(n, announce));
            }
            const column = columns.get(partner.partnerId);
            if (el.children[n] !== column.el) {
                el.insertBefore(column.el, el.children[n] ?? null);
            }
            column.update(partner, view, context);
        });
    }

    return { el, update };
}

function partnerColumn(n, announce) {
    const titleId = `console-partner-${n + 1}`;
    const name = h('h2', { id: titleId, dir: 'auto' });
    const presence = h('div');
    const step = h('p', { class: 'console-step' });
    const none = h('p', { class: 'muted' }, 'Nothing let out yet.');
    const list = h('ol', { class: 'console-let-out', 'aria-labelledby': `${titleId}-let-out` });
    const el = h('section', { class: 'card stack console-partner', 'aria-labelledby': titleId },
        h('div', { class: 'console-partner-head' }, name, presence),
        step,
        h('h3', { id: `${titleId}-let-out` }, 'Let out so far'),
        none, list);
    let known = null;               // the items shown so far, once the first view is in

    function update(partner, view, context) {
        const who = partnerName(partner.displayName);
        name.textContent = who;
        presence.replaceChildren(presenceLine(partner, view, context.connectionOf));
        fill(step, stepWords(partner, view, context.guide));
        const items = letOut(partner.partnerId, view, context);
        none.hidden = items.length > 0;
        renderList(list, items, {
            key: (item) => item.key,
            signature: (item) => JSON.stringify(item.data),
            render: (item) => item.render(),
        });
        if (known) {
            items.filter((item) => !known.has(item.key)).forEach((item) => announce(`${who} ${item.said}.`));
        }
        known = new Set(items.map((item) => item.key));
    }

    return { el, update };
}

/** The step a partner is on, and for a step revealed together how far its reveal is. */
function stepWords(partner, view, guide) {
    if (!partner.step) {
        return [h('span', { class: 'muted' }, 'Has not opened a step yet')];
    }
    const step = guide?.steps.find((s) => s.key === partner.step);
    const progress = view.steps?.find((s) => s.key === partner.step);
    const reveal = step?.sharing !== 'REVEALED' ? null
        : progress?.revealedAt ? 'revealed'
            : progress?.countdown ? 'ready: the answers open in a moment'
                : progress?.readyBy?.includes(partner.partnerId) ? 'ready for the reveal' : 'not ready for the reveal yet';
    return [h('span', { class: 'muted' }, view.status === 'RUNNING' ? 'On the step ' : 'Last on the step '),
        h('strong', {}, step?.title ?? spelledOut(partner.step)), reveal && ` · ${reveal}`];
}

/** What one partner let out, newest first, each as { key, at, data, said, render }. */
function letOut(partnerId, view, { guide, labels, nameOf }) {
    const stepOf = (key) => guide?.steps.find((s) => s.key === key);
    const items = [];
    for (const entry of (view.entries ?? []).filter((e) => e.authorId === partnerId)) {
        const step = stepOf(entry.step ?? 'notes');
        const revealed = step?.sharing === 'REVEALED';
        const title = (entry.step ?? 'notes') === 'notes' ? 'A note' : step?.title ?? spelledOut(entry.step);
        items.push({
            key: `entry:${entry.entryId}`, at: entry.sharedAt, data: [entry, title, revealed],
            said: revealed ? `revealed an answer at ${title}` : `shared ${title === 'A note' ? 'a note' : `an answer at ${title}`}`,
            render: () => item('of-entry', [title, revealed ? 'revealed' : 'shared', entry.sharedAt],
                entryBody(entry.kind, entry.text, entry.details ?? {}, labels)),
        });
    }
    for (const move of (view.moves ?? []).filter((m) => m.partnerId === partnerId)) {
        const kind = labels[`change.${move.change}`] ?? spelledOut(move.change);
        const confirmed = move.confirmedBy?.length > 0;
        items.push({
            key: `move:${move.moveId}`, at: move.voicedAt, data: [move, kind], said: 'said softer words',
            render: () => item('of-move', [kind, 'said', move.voicedAt], words(move.words),
                confirmed ? h('p', { class: 'privacy shared' }, 'Confirmed as a turning point')
                    : h('p', { class: 'muted small' }, 'Not confirmed as a turning point')),
        });
    }
    for (const bid of (view.bids ?? []).filter((b) => b.fromPartnerId === partnerId)) {
        const to = nameOf(bid.toPartnerId);
        items.push({
            key: `bid:${bid.bidId}`, at: bid.madeAt, data: [bid, to], said: `made a bid to ${to}`,
            render: () => item('of-bid', [['A bid to ', h('bdi', {}, to)], 'made', bid.madeAt],
                bid.words ? words(bid.words) : h('p', { class: 'entry-text quiet' }, 'A bid without words'),
                bidAnswer(bid, to)),
        });
    }
    for (const pact of (view.pacts ?? []).filter((p) => p.proposedBy === partnerId)) {
        items.push({
            key: `pact:${pact.pactId}`, at: pact.proposedAt, data: pact, said: 'proposed letting an old hurt go',
            render: () => item('of-pact', ['Letting go', 'proposed', pact.proposedAt], words(pact.words),
                h('p', { class: pact.agreedBy ? 'privacy shared' : 'muted small' }, pact.agreedBy ? 'Let go, together' : 'Waiting for agreement')),
        });
    }
    for (const taken of (view.babySteps ?? []).filter((b) => b.takenUpBy === partnerId)) {
        const behaviour = (view.entries ?? []).find((e) => e.entryId === taken.behaviourEntryId && e.authorId === taken.listedBy);
        const from = nameOf(taken.listedBy);
        items.push({
            key: `baby:${taken.listedBy}/${taken.behaviourEntryId}`, at: behaviour?.sharedAt, data: [taken, behaviour?.text, from],
            said: taken.smallerStep ? 'offered a smaller step' : 'took up a baby step',
            render: () => item('of-baby-step', [taken.smallerStep ? 'A smaller step' : 'A baby step', 'taken up', null],
                words(taken.smallerStep ?? behaviour?.text ?? ''),
                h('p', { class: 'muted small' }, 'From ', h('bdi', {}, from), '’s list', taken.smallerStep && behaviour ? [': ', h('bdi', {}, behaviour.text)] : '',
                    taken.committed ? ' · committed to' : '')),
        });
    }
    return items.sort((a, b) => String(b.at ?? '').localeCompare(String(a.at ?? '')));
}

function item(kind, [title, verb, at], ...body) {
    return h('li', { class: `let-out ${kind}`, tabindex: -1 },
        h('p', { class: 'bid-head' }, h('strong', {}, title), ` · ${verb}`, at ? [' ', when(at)] : null),
        body);
}

function words(text) {
    return h('p', { class: 'entry-text', dir: 'auto' }, text);
}

function bidAnswer(bid, to) {
    const response = RESPONSES[bid.response];
    if (response) {
        return h('p', { class: `answer ${bid.response.toLowerCase()}` }, h('bdi', {}, to), ` ${response.done} it`, ' · ', when(bid.answeredAt));
    }
    if (bid.missedAt) {
        return h('p', { class: 'answer missed' }, 'Missed: ', h('bdi', {}, to), ' did not answer it', ' · ', when(bid.missedAt));
    }
    return h('p', { class: 'muted small' }, 'Not answered yet');
}
