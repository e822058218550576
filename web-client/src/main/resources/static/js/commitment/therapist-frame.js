// What a therapist both partners consented to sets and records around the couple's work: homework,
// time-bound commitments (proposed with check-points, reviewed at each, concluded with an outcome),
// and who came to each therapy session. Nothing is kept here: the couple's pushed view brings every
// change back, exactly as the partners see it.
import { command, Problem } from '../api.js';
import { h, named, namesJoined, renderList } from '../dom.js';
import { countedText, field, focusFollower, onPress, onSubmit, problemBox } from '../forms.js';
import {
    CHECKPOINT_OUTCOMES, COMMITMENT_OUTCOMES, commitmentFacts, homeworkFacts, markingFields, onDay, today,
} from './commitments.js';

const MAX_HOMEWORK = 2000;
const MAX_CHECKPOINTS = 52;

// Date rules the services name without a field, and the field each is about.
const DATE_FIELDS = {
    'dates-required': 'startsOn',
    'ends-before-start': 'endsOn',
    'improvement-outside-span': 'improvementBy',
    'checkpoint-outside-span': 'checkpoints',
};

export function therapistFrameCard({ coupleId, announce }) {
    let view = null;
    const ctx = {
        coupleId, announce, ...focusFollower(),
        nameOf: (id) => view?.partners.find((p) => p.partnerId === id)?.displayName ?? 'A partner',
    };
    const parts = [homeworkPart(ctx), commitmentsPart(ctx), attendancePart(ctx)];
    const el = h('section', { class: 'frame stack gap', 'aria-labelledby': 'tf-title' },
        h('div', { class: 'stack' },
            h('h2', { id: 'tf-title' }, 'Homework, commitments and attendance'),
            h('p', { class: 'muted' }, 'What you set and record here, both partners see at once.')),
        h('div', { class: 'grid two' }, parts.map((part) => part.el)));

    return {
        el,
        update(next) {
            const before = view;
            view = next;
            parts.forEach((part) => part.update(next, before));
        },
    };
}

// --- homework ------------------------------------------------------------------------------------

function homeworkPart(ctx) {
    const words = countedText({ id: 'tf-homework-words', name: 'words', label: 'The homework', max: MAX_HOMEWORK, rows: 4, required: true,
        hint: 'Both partners see it at once, and each marks their own part done.' });
    const form = h('form', { class: 'stack', 'aria-label': 'Set homework' },
        words.el,
        field({ id: 'tf-homework-due', name: 'dueOn', label: 'Due on (optional)', type: 'date', min: today() }),
        problemBox(),
        h('button', { class: 'button primary', type: 'submit' }, 'Set homework'));
    onSubmit(form, async (data) => {
        await command(`couples/${ctx.coupleId}/homework`, { words: words.textarea.value.trim(), dueOn: data.get('dueOn') || null });
        form.reset();
        words.reset();
        ctx.announce('Homework set. Both partners see it now.');
    });
    const list = h('ul', { class: 'homework', 'aria-labelledby': 'tf-homework-list-title' });
    const none = h('p', { class: 'muted' }, 'No homework set yet.');
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'tf-homework-title' },
        h('h3', { id: 'tf-homework-title' }, 'Homework'),
        form,
        h('h4', { id: 'tf-homework-list-title' }, 'Set so far'), none, list);

    return {
        el,
        update(next, before) {
            const homework = [...(next.homework ?? [])].sort((a, b) => String(b.setAt).localeCompare(String(a.setAt)));
            none.hidden = homework.length > 0;
            renderList(list, homework, {
                key: (hw) => hw.homeworkId,
                signature: (hw) => JSON.stringify([hw, next.partners]),
                render: (hw) => h('li', { class: 'homework-item', tabindex: -1 }, homeworkFacts(hw, { partners: next.partners, nameOf: ctx.nameOf })),
            });
            const old = new Map((before?.homework ?? []).map((hw) => [hw.homeworkId, hw.doneBy ?? []]));
            for (const hw of before ? homework : []) {
                (hw.doneBy ?? []).filter((id) => old.has(hw.homeworkId) && !old.get(hw.homeworkId).includes(id))
                    .forEach((id) => ctx.announce(`${ctx.nameOf(id)} did their part of the homework.`));
            }
        },
    };
}

// --- commitments ---------------------------------------------------------------------------------

function commitmentsPart(ctx) {
    const propose = proposeForm(ctx);
    const more = h('details', { class: 'more' }, h('summary', {}, 'Propose a commitment'), propose);
    const list = h('ul', { class: 'commitments', 'aria-labelledby': 'tf-commitments-title' });
    const none = h('p', { class: 'muted' }, 'No commitment yet.');
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'tf-commitments-title' },
        h('h3', { id: 'tf-commitments-title' }, 'Time-bound commitments'),
        h('p', { class: 'hint' }, 'A commitment holds once both partners accept it as it stands. Either of them can ask for other dates, '
            + 'which asks both again.'),
        more, none, list);

    const path = (c, action) => `couples/${ctx.coupleId}/commitments/${encodeURIComponent(c.commitmentId)}/${action}`;
    const review = (c, checkpoint, outcome) => ctx.acting(c.commitmentId, async () => {
        await command(path(c, 'checkpoints'), { checkpoint, outcome });
        ctx.announce(`Check-point of ${dayText(checkpoint)} recorded as ${CHECKPOINT_OUTCOMES[outcome].toLowerCase()}.`);
    });
    const conclude = (c, outcome) => ctx.acting(c.commitmentId, async () => {
        await command(path(c, 'conclude'), { outcome });
        ctx.announce(`Commitment concluded: ${COMMITMENT_OUTCOMES[outcome].label.toLowerCase()}.`);
    });
    let opened = false;

    return {
        el,
        update(next, before) {
            const commitments = next.commitments ?? [];
            none.hidden = commitments.length > 0;
            // Open with nothing proposed yet: the form is what this card is for then.
            if (!opened && commitments.length === 0) {
                more.open = true;
            }
            opened = true;
            const ordered = [...commitments].sort((a, b) => Number(a.status === 'CONCLUDED') - Number(b.status === 'CONCLUDED')
                || String(b.startsOn).localeCompare(String(a.startsOn)));
            ctx.built(renderList(list, ordered, {
                key: (c) => c.commitmentId,
                signature: (c) => JSON.stringify([c, next.partners]),
                render: (c) => commitmentItem(c, { partners: next.partners, nameOf: ctx.nameOf, review, conclude }),
            }));
            announceChanges(ctx, before?.commitments, before ? commitments : []);
        },
    };
}

function announceChanges(ctx, before = [], after = []) {
    const old = new Map(before.map((c) => [c.commitmentId, c]));
    for (const c of after) {
        const was = old.get(c.commitmentId);
        if (!was) {
            continue;
        }
        if (was.status !== 'MADE' && c.status === 'MADE') {
            ctx.announce('A commitment is made: both partners accepted it.');
        } else if (was.endsOn !== c.endsOn || was.improvementBy !== c.improvementBy) {
            ctx.announce('Other dates were suggested for a commitment. It asks both partners again.');
        } else {
            (c.acceptedBy ?? []).filter((id) => !(was.acceptedBy ?? []).includes(id))
                .forEach((id) => ctx.announce(`${ctx.nameOf(id)} accepted a commitment.`));
        }
    }
}

function commitmentItem(c, { partners, nameOf, review, conclude }) {
    const open = c.status !== 'CONCLUDED';
    const unreviewed = (c.checkpoints ?? []).filter((cp) => !cp.outcome).map((cp) => cp.day);
    // A check-point is reviewed from its day on; the service refuses one before it.
    const due = unreviewed.filter((day) => day <= today());
    const next = unreviewed.find((day) => day > today());
    return h('li', { class: `commitment ${c.status.toLowerCase()}`, tabindex: -1 },
        commitmentFacts(c, { partners, nameOf }),
        c.status === 'PROPOSED' && unreviewed.length > 0 && h('p', { class: 'hint' }, 'Check-points are reviewed once both partners accept.'),
        c.status === 'MADE' && due.length > 0 && reviewForm(c, due, review),
        c.status === 'MADE' && due.length === 0 && next && h('p', { class: 'hint' }, `The next check-point can be reviewed from ${dayText(next)} on.`),
        open && h('details', { class: 'more' }, h('summary', {}, 'Conclude this commitment'), concludeForm(c, conclude)));
}

function reviewForm(c, days, review) {
    const id = `tf-review-${c.commitmentId}`;
    const form = h('form', { class: 'stack review', 'aria-label': 'Review a check-point' },
        field({ id: `${id}-day`, name: 'checkpoint', label: 'Check-point', control: 'select', required: true,
            options: days.map((day) => h('option', { value: day }, dayText(day))) }),
        h('fieldset', { class: 'choices chips' },
            h('legend', {}, 'How it went'),
            Object.entries(CHECKPOINT_OUTCOMES).map(([value, label]) => h('label', { class: 'chip-option', for: `${id}-${value}` },
                h('input', { type: 'radio', name: 'outcome', id: `${id}-${value}`, value, required: true }), label))),
        problemBox(),
        h('button', { class: 'button', type: 'submit' }, 'Record check-point'));
    onSubmit(form, (data) => review(c, data.get('checkpoint'), data.get('outcome')));
    return form;
}

function concludeForm(c, conclude) {
    const id = `tf-conclude-${c.commitmentId}`;
    const form = h('form', { class: 'stack', 'aria-label': 'Conclude this commitment' },
        h('fieldset', { class: 'choices stacked' },
            h('legend', {}, 'How it ends'),
            Object.entries(COMMITMENT_OUTCOMES).map(([value, { label, about }]) => h('div', { class: 'choice-option' },
                h('input', { type: 'radio', name: 'outcome', id: `${id}-${value}`, value, required: true, 'aria-describedby': `${id}-${value}-hint` }),
                h('label', { for: `${id}-${value}` }, label, h('span', { class: 'hint', id: `${id}-${value}-hint` }, about))))),
        problemBox(),
        h('button', { class: 'button', type: 'submit' }, 'Conclude'));
    onSubmit(form, async (data) => {
        const outcome = data.get('outcome');
        if (confirm(`Conclude this commitment as “${COMMITMENT_OUTCOMES[outcome].label}”?\n\n`
            + 'This closes it for good: its check-points can no longer be reviewed. Both partners see the outcome.')) {
            await conclude(c, outcome);
        }
    });
    return form;
}

/** Proposing a commitment: its span, the date for a marked improvement, and check-points added one by one. */
function proposeForm(ctx) {
    let checkpoints = [];
    const day = h('input', { id: 'tf-checkpoint', name: 'checkpoints', type: 'date', 'aria-describedby': 'tf-checkpoint-hint' });
    const add = h('button', { class: 'button', type: 'button' }, 'Add check-point');
    const chosen = h('ul', { class: 'chosen-days', 'aria-label': 'Check-points added' });
    const none = h('p', { class: 'muted small' }, 'No check-points yet.');
    // Not a .problem: the form's own box, further down, must stay the first one its submit finds.
    const dayProblem = h('p', { class: 'day-problem', role: 'alert', hidden: true });
    const days = h('fieldset', { class: 'field checkpoint-days' },
        h('legend', {}, 'Check-points'),
        h('p', { class: 'hint', id: 'tf-checkpoint-hint' }, 'Days within the span on which you look back together with them. Optional.'),
        h('label', { for: 'tf-checkpoint', class: 'visually-hidden' }, 'A check-point day'),
        h('div', { class: 'row-actions' }, day, add),
        dayProblem, none, chosen);

    function renderChosen() {
        none.hidden = checkpoints.length > 0;
        renderList(chosen, checkpoints, {
            key: (d) => d,
            render: (d) => {
                const remove = h('button', { class: 'button quiet', type: 'button', 'aria-label': `Remove the check-point of ${dayText(d)}` }, 'Remove');
                remove.addEventListener('click', () => {
                    const at = checkpoints.indexOf(d);
                    checkpoints = checkpoints.filter((other) => other !== d);
                    renderChosen();
                    // Focus goes to the next one's Remove, or back to the day field when none is left.
                    (chosen.children[Math.min(at, chosen.children.length - 1)]?.querySelector('button') ?? day).focus();
                    ctx.announce(`Check-point of ${dayText(d)} removed.`);
                });
                return h('li', {}, onDay(d), remove);
            },
        });
    }

    function addDay() {
        if (!day.value) {
            throw new Problem(400, { detail: 'Choose a day first, then add it.', errors: [{ field: 'checkpoints' }] });
        }
        if (!checkpoints.includes(day.value)) {
            if (checkpoints.length >= MAX_CHECKPOINTS) {
                throw new Problem(400, { detail: `A commitment has at most ${MAX_CHECKPOINTS} check-points.`, errors: [{ field: 'checkpoints' }] });
            }
            checkpoints = [...checkpoints, day.value].sort();
            renderChosen();
            ctx.announce(`Check-point of ${dayText(day.value)} added.`);
        }
        day.value = '';
        day.focus();
    }
    onPress(add, dayProblem, addDay);
    // Enter in the day field adds the day, rather than proposing the whole commitment.
    day.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
            event.preventDefault();
            add.click();
        }
    });

    const form = h('form', { class: 'stack', 'aria-label': 'Propose a commitment' },
        field({ id: 'tf-starts', name: 'startsOn', label: 'Starts on', type: 'date', required: true, value: today() }),
        field({ id: 'tf-improvement', name: 'improvementBy', label: 'A marked improvement by', type: 'date', required: true,
            hint: 'After the start, and no later than the end.' }),
        field({ id: 'tf-ends', name: 'endsOn', label: 'Ends on', type: 'date', required: true }),
        days,
        problemBox(),
        h('button', { class: 'button primary', type: 'submit' }, 'Propose commitment'));
    renderChosen();

    onSubmit(form, async (data) => {
        // A day picked but not yet added is surely meant as a check-point too.
        const all = day.value && !checkpoints.includes(day.value) ? [...checkpoints, day.value].sort() : checkpoints;
        await markingFields(() => command(`couples/${ctx.coupleId}/commitments`, {
            startsOn: data.get('startsOn'), endsOn: data.get('endsOn'), improvementBy: data.get('improvementBy'), checkpoints: all,
        }), DATE_FIELDS);
        form.reset();
        checkpoints = [];
        renderChosen();
        ctx.announce('Commitment proposed. It holds once both partners accept it.');
    });
    return form;
}

// --- attendance ----------------------------------------------------------------------------------

function attendancePart(ctx) {
    const who = h('div', { class: 'who-came' });
    const form = h('form', { class: 'stack', 'aria-label': 'Record attendance' },
        field({ id: 'tf-held-on', name: 'heldOn', label: 'Session held on', type: 'date', required: true, value: today(), max: today() }),
        h('fieldset', { class: 'choices stacked' }, h('legend', {}, 'Who came'), who),
        h('p', { class: 'hint' }, 'Whoever is not ticked is recorded as having missed it.'),
        problemBox(),
        h('button', { class: 'button primary', type: 'submit' }, 'Record attendance'));
    onSubmit(form, async (data) => {
        const attendedBy = data.getAll('attendedBy');
        if (attendedBy.length === 0 && !confirm('Record that neither partner came to this session?')) {
            return;
        }
        await command(`couples/${ctx.coupleId}/attendance`, { heldOn: data.get('heldOn'), attendedBy });
        form.reset();
        ctx.announce('Attendance recorded.');
    });
    const list = h('ul', { class: 'attendance', 'aria-labelledby': 'tf-attendance-list-title' });
    const none = h('p', { class: 'muted' }, 'No session recorded yet.');
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'tf-attendance-title' },
        h('h3', { id: 'tf-attendance-title' }, 'Therapy sessions attended'),
        form,
        h('h4', { id: 'tf-attendance-list-title' }, 'Recorded so far'), none, list);

    return {
        el,
        update(next) {
            // Rebuilt only when the partners change, so a box being ticked stays as it is.
            renderList(who, next.partners, {
                key: (p) => p.partnerId,
                signature: (p) => p.displayName,
                render: (p) => h('div', { class: 'choice-option' },
                    h('input', { type: 'checkbox', name: 'attendedBy', id: `tf-came-${p.partnerId}`, value: p.partnerId, checked: true }),
                    h('label', { for: `tf-came-${p.partnerId}`, dir: 'auto' }, p.displayName)),
            });
            const meetings = [...(next.attendance ?? [])].sort((a, b) => String(b.heldOn).localeCompare(String(a.heldOn)));
            none.hidden = meetings.length > 0;
            renderList(list, meetings, {
                key: (m) => m.meetingId,
                signature: (m) => JSON.stringify([m, next.partners]),
                render: (m) => attendanceItem(m, ctx.nameOf),
            });
        },
    };
}

function attendanceItem(meeting, nameOf) {
    const came = (meeting.attendedBy ?? []).map(nameOf);
    const missed = (meeting.missedBy ?? []).map(nameOf);
    const words = came.length === 0 ? 'neither came'
        : missed.length === 0 ? (came.length > 1 ? 'both came' : named`${came[0]} came`)
            : [namesJoined(came, ' and '), ' came; ', namesJoined(missed, ' and '), ' missed it'];
    return h('li', { class: `meeting ${missed.length ? 'missed' : 'all-came'}` }, h('strong', {}, onDay(meeting.heldOn)), ': ', words);
}

// --- small pieces --------------------------------------------------------------------------------

/** A calendar day in words, for announcements and labels. */
function dayText(day) {
    return onDay(day)?.textContent ?? day;
}
