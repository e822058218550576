// What the therapist sets and the couple keeps between sessions: homework, and time-bound
// commitments with their check-points and outcome, as a partner and the therapist's frame show them.
import { command } from '../api.js';
import { h, named, renderList, when } from '../dom.js';
import { field, onSubmit, pressed, problemBox } from '../forms.js';

export const CHECKPOINT_OUTCOMES = { KEPT: 'Kept', PARTLY_KEPT: 'Partly kept', MISSED: 'Missed' };

export const COMMITMENT_OUTCOMES = {
    IMPROVED: { label: 'Improved', about: 'Things got markedly better.' },
    CONTINUING: { label: 'Continuing', about: 'The work goes on.' },
    PARTING: { label: 'A respectful parting', about: 'Parting with care is an honest outcome too.' },
};

// --- homework ------------------------------------------------------------------------------------

export function homeworkPart(ctx) {
    const list = h('ul', { class: 'homework', 'aria-labelledby': 'ed-homework-title' });
    const none = h('p', { class: 'muted' }, 'No homework yet. When your therapist sets some, it appears here for both of you.');
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'ed-homework-title', hidden: true },
        h('h3', { id: 'ed-homework-title' }, 'Homework from your therapist'), none, list);

    const done = (hw) => ctx.acting(hw.homeworkId, async () => {
        await command(`couples/${ctx.coupleId}/homework/${encodeURIComponent(hw.homeworkId)}/done`);
        ctx.announce(`Marked done. ${ctx.otherName()} sees it too.`);
    });

    return {
        el,
        update(next, before) {
            const homework = next.homework ?? [];
            el.hidden = homework.length === 0 && !hasTherapist(next);
            none.hidden = homework.length > 0;
            // What is still yours to do comes first, soonest due first.
            const mine = (hw) => Number((hw.doneBy ?? []).includes(ctx.me));
            const ordered = [...homework].sort((a, b) => mine(a) - mine(b)
                || String(a.dueOn ?? '9999').localeCompare(String(b.dueOn ?? '9999')));
            ctx.built(renderList(list, ordered, {
                key: (hw) => hw.homeworkId,
                signature: (hw) => JSON.stringify([hw, next.partners]),
                render: (hw) => homeworkItem(hw, { partners: next.partners, nameOf: ctx.nameOf, me: ctx.me, done }),
            }));
            const old = new Map((before?.homework ?? []).map((hw) => [hw.homeworkId, hw]));
            for (const hw of before ? homework : []) {
                if (!old.has(hw.homeworkId)) {
                    ctx.announce(`Your therapist set homework: ${hw.words}`);
                }
                const doneBefore = old.get(hw.homeworkId)?.doneBy ?? [];
                (hw.doneBy ?? []).filter((id) => id !== ctx.me && old.has(hw.homeworkId) && !doneBefore.includes(id))
                    .forEach((id) => ctx.announce(`${ctx.nameOf(id)} did their part of the homework.`));
            }
        },
    };
}

function homeworkItem(hw, { partners, nameOf, me, done }) {
    const box = problemBox();
    return h('li', { class: 'homework-item', tabindex: -1 },
        homeworkFacts(hw, { partners, nameOf }),
        !(hw.doneBy ?? []).includes(me) && pressed(h('button', { class: 'button primary', type: 'button' }, 'I did my part'), box, () => done(hw)),
        box);
}

/** What both the partners and their therapist see of one homework: the task, when it is due, who did it. */
export function homeworkFacts(hw, { partners, nameOf }) {
    return [
        h('p', { class: 'entry-text', dir: 'auto' }, hw.words),
        h('p', { class: 'muted small' }, hw.dueOn ? ['Due ', onDay(hw.dueOn)] : 'No due date', ' · set ', when(hw.setAt)),
        whoDid(partners, hw.doneBy, { nameOf, done: 'done', open: 'not yet', label: 'Who has done their part' }),
    ];
}

// --- commitments ---------------------------------------------------------------------------------

export function commitmentsPart(ctx) {
    const list = h('ul', { class: 'commitments', 'aria-labelledby': 'ed-commitments-title' });
    const none = h('p', { class: 'muted' }, 'No commitment yet. Your therapist can propose a stretch of time to work on your relationship, and both of you decide whether to take it on.');
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'ed-commitments-title', hidden: true },
        h('h3', { id: 'ed-commitments-title' }, 'Our commitments'),
        h('p', { class: 'hint' }, 'A commitment holds once both of you accept it as it stands. Changing a date asks both of you again.'),
        none, list);

    const accept = (c) => ctx.acting(c.commitmentId, async () => {
        await command(`couples/${ctx.coupleId}/commitments/${encodeURIComponent(c.commitmentId)}/accept`);
        ctx.announce('You accepted the commitment.');
    });
    const suggested = new Set();     // commitments this partner just gave other dates: no need to tell them so again
    const adjust = (c, dates) => ctx.acting(c.commitmentId, async () => {
        suggested.add(c.commitmentId);  // before sending: the push may come before the answer
        try {
            await markingFields(() => command(`couples/${ctx.coupleId}/commitments/${encodeURIComponent(c.commitmentId)}/adjust`, dates),
                { 'ends-before-start': 'endsOn', 'checkpoint-outside-span': 'endsOn', 'improvement-outside-span': 'improvementBy' });
        } catch (problem) {
            suggested.delete(c.commitmentId);
            throw problem;
        }
        ctx.announce('Other dates suggested. Both of you accept them again.');
    });

    return {
        el,
        update(next, before) {
            const commitments = next.commitments ?? [];
            el.hidden = commitments.length === 0 && !hasTherapist(next);
            none.hidden = commitments.length > 0;
            // Open ones first, the latest first.
            const ordered = [...commitments].sort((a, b) => Number(a.status === 'CONCLUDED') - Number(b.status === 'CONCLUDED')
                || String(b.startsOn).localeCompare(String(a.startsOn)));
            ctx.built(renderList(list, ordered, {
                key: (c) => c.commitmentId,
                signature: (c) => JSON.stringify([c, next.partners]),
                render: (c) => commitmentItem(c, { ctx, partners: next.partners, accept, adjust }),
            }));
            const old = new Map((before?.commitments ?? []).map((c) => [c.commitmentId, c]));
            for (const c of before ? commitments : []) {
                const was = old.get(c.commitmentId);
                if (!was) {
                    ctx.announce('Your therapist proposed a commitment. Both of you decide whether to accept it.');
                } else if (was.status !== 'MADE' && c.status === 'MADE') {
                    ctx.announce('Your commitment is made: both of you accepted it.');
                } else if (c.status === 'CONCLUDED' && was.status !== 'CONCLUDED') {
                    ctx.announce(`Your therapist concluded a commitment: ${COMMITMENT_OUTCOMES[c.outcome]?.label.toLowerCase() ?? 'it has ended'}.`);
                } else if ((was.endsOn !== c.endsOn || was.improvementBy !== c.improvementBy) && !suggested.delete(c.commitmentId)) {
                    ctx.announce('Other dates were suggested for a commitment. It asks both of you again.');
                } else if (c.status === 'PROPOSED') {
                    (c.acceptedBy ?? []).filter((id) => id !== ctx.me && !(was.acceptedBy ?? []).includes(id))
                        .forEach((id) => ctx.announce(`${ctx.nameOf(id)} accepted the commitment.`));
                }
            }
        },
    };
}

function commitmentItem(c, { ctx, partners, accept, adjust }) {
    const box = problemBox();
    const open = c.status === 'PROPOSED' && !(c.acceptedBy ?? []).includes(ctx.me);
    return h('li', { class: `commitment ${c.status.toLowerCase()}`, tabindex: -1 },
        commitmentFacts(c, { partners, nameOf: ctx.nameOf, forPartner: true }),
        open && h('div', { class: 'row-actions' },
            pressed(h('button', { class: 'button primary', type: 'button' }, 'Accept these dates'), box, () => accept(c))),
        box,
        open && h('details', { class: 'more' }, h('summary', {}, 'Suggest other dates'), adjustForm(c, adjust)));
}

function adjustForm(c, adjust) {
    const id = `ed-adjust-${c.commitmentId}`;
    const form = h('form', { class: 'stack', 'aria-label': 'Suggest other dates' },
        h('p', { class: 'hint' }, 'The start stays. New dates ask both of you to accept again.'),
        field({ id: `${id}-improvement`, name: 'improvementBy', label: 'A marked improvement by', type: 'date', required: true,
            value: c.improvementBy, min: c.startsOn }),
        field({ id: `${id}-ends`, name: 'endsOn', label: 'Ends on', type: 'date', required: true, value: c.endsOn, min: c.startsOn }),
        problemBox(),
        h('button', { class: 'button', type: 'submit' }, 'Suggest these dates'));
    onSubmit(form, (data) => adjust(c, { endsOn: data.get('endsOn'), improvementBy: data.get('improvementBy') }));
    return form;
}

/** What both the partners and their therapist see of a commitment: where it stands, its dates, its check-points, who accepted. */
export function commitmentFacts(c, { partners, nameOf, forPartner = false }) {
    const both = forPartner ? 'both of you' : 'both partners';
    const status = {
        PROPOSED: `Proposed: it holds once ${both} accept it as it stands.`,
        MADE: `Made: ${both} accepted it.`,
        CONCLUDED: `Concluded: ${COMMITMENT_OUTCOMES[c.outcome]?.label.toLowerCase() ?? 'ended'}.`,
    }[c.status] ?? c.status;
    return [
        h('h4', {}, 'From ', onDay(c.startsOn), ' to ', onDay(c.endsOn)),
        h('p', { class: `status ${c.status === 'MADE' ? 'active' : c.status === 'CONCLUDED' ? 'ended' : 'waiting'}` }, status),
        c.outcome === 'PARTING' && h('p', { class: 'notice' }, 'A respectful parting is an honest outcome too. '
            + 'Ending with care, and knowing why, is its own kind of progress.'),
        h('dl', { class: 'dates' },
            h('div', {}, h('dt', {}, 'Starts'), h('dd', {}, onDay(c.startsOn))),
            h('div', {}, h('dt', {}, 'A marked improvement by'), h('dd', {}, onDay(c.improvementBy))),
            h('div', {}, h('dt', {}, 'Ends'), h('dd', {}, onDay(c.endsOn)))),
        c.checkpoints?.length
            ? h('div', { class: 'facts' }, h('p', { class: 'facts-label' }, 'Check-points'),
                h('ul', { class: 'checkpoints' }, c.checkpoints.map((cp) => h('li', { class: cp.outcome ? cp.outcome.toLowerCase().replace('_', '-') : 'open' },
                    onDay(cp.day), ': ', cp.outcome ? CHECKPOINT_OUTCOMES[cp.outcome] ?? cp.outcome : 'not reviewed yet'))))
            : h('p', { class: 'muted small' }, 'No check-points.'),
        c.status !== 'CONCLUDED' && whoDid(partners, c.acceptedBy, { nameOf, done: 'accepted', open: 'not yet', label: 'Who accepted' }),
    ];
}

// --- small shared pieces -------------------------------------------------------------------------

/** Each partner and whether they did it, in words (a mark beside is only decoration). */
export function whoDid(partners, ids = [], { nameOf, done, open, label }) {
    return h('ul', { class: 'who-did', 'aria-label': label }, partners.map((p) => {
        const did = (ids ?? []).includes(p.partnerId);
        return h('li', { class: did ? 'did' : 'not-yet' }, named`${nameOf(p.partnerId)}: `, did ? done : open);
    }));
}

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dayYearFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** A <time> for a calendar day as the services send it (YYYY-MM-DD): a day where one lives, never UTC midnight. */
export function onDay(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
    if (!match) {
        return null;
    }
    const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    const format = date.getFullYear() === new Date().getFullYear() ? dayFormat : dayYearFormat;
    return h('time', { datetime: text }, format.format(date));
}

/** Today where one lives, as a date input writes it. */
export function today() {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

/**
 * Runs action; a refusal the services name by its rule only (a date out of order) gets the field at
 * fault added, so the problem box marks that field as well.
 */
export async function markingFields(action, fieldsByRule) {
    try {
        return await action();
    } catch (problem) {
        const name = fieldsByRule[problem.rule];
        if (name && !problem.errors?.length) {
            problem.errors = [{ field: name }];
        }
        throw problem;
    }
}

function hasTherapist(view) {
    return (view.therapists ?? []).some((t) => t.access === 'ACTIVE');
}
