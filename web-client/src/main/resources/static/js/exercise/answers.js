// The answers of an exercise: the fields for each kind of answer (a link of the loop, a behaviour, a
// need, a reassurance, a lean, free text), and how a written answer reads, with its kind's labels
// as the exercise guides give them.
import { h } from '../dom.js';
import { countedText, field } from '../forms.js';

/**
 * The fields of one kind of answer, filled from the draft being edited: { el, value(), reset() }.
 * labels: the exercises' labels of choices; theirNeeds: the needs the partner let this one see; keep: where
 * the fields keep words not saved yet (one place per step and entry), or false to keep none.
 */
export function formParts(kind, step, draft, { labels, theirNeeds, keep }) {
    const d = draft?.details ?? {};
    const id = (name) => `entry-${name}`;
    if (kind === 'CYCLE_LINK') {
        const links = ['TRIGGER', 'SECONDARY_EMOTION', 'PERCEPTION', 'BEHAVIOUR', 'PRIMARY_EMOTION', 'UNMET_NEED'];
        const link = field({ id: id('link'), name: 'link', label: 'Which link', control: 'select',
            options: links.map((l) => h('option', { value: l, selected: (d.link ?? step.link) === l }, labels[`link.${l}`] ?? l)) });
        const select = link.querySelector('select');
        link.hidden = Boolean(step.link);
        const moves = ['CRITICISE', 'PURSUE', 'PLACATE', 'WITHDRAW', 'SHUT_DOWN'];
        // No move is chosen for the partner: a default would label them (and move the cycle state) for
        // them. A behaviour needs one, so the field is required while it shows.
        const move = field({ id: id('move'), name: 'move', label: 'What kind of move was it?', control: 'select',
            options: [h('option', { value: '', selected: !d.move }, 'Choose the closest'),
                ...moves.map((m) => h('option', { value: m, selected: d.move === m }, labels[`move.${m}`] ?? m))] });
        const showMove = () => {
            move.hidden = select.value !== 'BEHAVIOUR';
            move.querySelector('select').required = !move.hidden;
        };
        select.addEventListener('change', showMove);
        showMove();
        const strength = range({ id: id('intensity'), name: 'intensity', label: 'How strong was it?', min: 1, max: 10, value: d.intensity ?? 5,
            describe: (v) => `${v} of 10` });
        const words = countedText({ id: id('words'), name: 'words', keep: keep && `${keep}|words`, label: 'In your words', max: 1000, rows: 3, required: true });
        words.set(draft?.text ?? '');
        return {
            el: [link, words.el, strength.el, move],
            value: () => ({ link: select.value, intensity: Number(strength.input.value), words: words.textarea.value,
                move: select.value === 'BEHAVIOUR' ? move.querySelector('select').value : null }),
            reset: () => words.reset(),
        };
    }
    if (kind === 'BEHAVIOUR') {
        const words = countedText({ id: id('words'), name: 'words', keep: keep && `${keep}|words`, label: 'Something your partner could do', max: 500, rows: 2, required: true });
        words.set(draft?.text ?? '');
        const size = range({ id: id('size'), name: 'size', label: 'How big a step is it?', min: 1, max: 5, value: d.size ?? 2,
            describe: (v) => ['', 'tiny', 'small', 'medium', 'large', 'big'][v] });
        return { el: [words.el, size.el], value: () => ({ words: words.textarea.value, size: Number(size.input.value) }),
            reset: () => words.reset() };
    }
    if (kind === 'NEED') {
        const need = choice({ name: 'need', legend: 'What do you need more of?', value: d.need ?? 'CLOSENESS',
            options: [['CLOSENESS', labels['need.CLOSENESS'] ?? 'More closeness'], ['SPACE', labels['need.SPACE'] ?? 'More space']] });
        const words = countedText({ id: id('words'), name: 'words', keep: keep && `${keep}|words`, label: 'Say it as a wish, without blame', max: 1000, rows: 3, required: true });
        words.set(draft?.text ?? '');
        const reassurance = countedText({ id: id('reassurance'), name: 'reassurance', keep: keep && `${keep}|reassurance`, label: 'What stays true while you are apart',
            hint: 'Needed when you ask for space.', max: 1000, rows: 2 });
        reassurance.set(d.reassurance ?? '');
        return {
            el: [need.el, words.el, reassurance.el],
            value: () => ({ need: need.value(), words: words.textarea.value, reassurance: reassurance.textarea.value || null }),
            reset: () => {
                words.reset();
                reassurance.reset();
            },
        };
    }
    if (kind === 'REASSURANCE') {
        const needs = theirNeeds;
        const answers = field({ id: id('need'), name: 'needEntryId', label: 'Which need you answer', control: 'select',
            options: needs.map((n) => h('option', { value: n.entryId, selected: d.answersEntryId === n.entryId }, n.text)) });
        const words = countedText({ id: id('words'), name: 'words', keep: keep && `${keep}|words`, label: 'Your reassurance', max: 1000, rows: 3, required: true });
        words.set(draft?.text ?? '');
        return {
            el: [needs.length ? answers : h('p', { class: 'hint' }, 'Your partner has not let you see a need yet.'), words.el],
            value: () => ({ needEntryId: answers.querySelector('select').value, words: words.textarea.value }),
            reset: () => words.reset(),
        };
    }
    if (kind === 'LEAN') {
        const lean = choice({ name: 'lean', legend: 'Right now I am…', value: d.lean ?? 'BACK',
            options: ['IN', 'BACK', 'OUT'].map((l) => [l, labels[`lean.${l}`] ?? l]) });
        const energy = range({ id: id('energy'), name: 'energy', label: 'Energy left', min: 0, max: 10, value: d.energy ?? 5,
            describe: (v) => `${v} of 10` });
        return { el: [lean.el, energy.el], value: () => ({ lean: lean.value(), energy: Number(energy.input.value) }), reset: () => { } };
    }
    const text = countedText({ id: id('text'), name: 'text', keep: keep && `${keep}|text`, label: 'Your answer', max: 4000, rows: 4, required: true });
    text.set(draft?.text ?? '');
    return { el: [text.el], value: () => ({ text: text.textarea.value }), reset: () => text.reset() };
}

/** An answer as it reads: its kind's tags (link, move, size, need, lean) and its words. */
export function entryBody(kind, text, details = {}, labels = {}) {
    const tag = (words) => h('span', { class: 'tag' }, words);
    const parts = [];
    if (kind === 'CYCLE_LINK') {
        parts.push(tag(labels[`link.${details.link}`] ?? details.link), tag(`strength ${details.intensity} of 10`));
        if (details.move) {
            parts.push(tag(labels[`move.${details.move}`] ?? details.move));
        }
    } else if (kind === 'BEHAVIOUR') {
        parts.push(tag(`size ${details.size} of 5`));
    } else if (kind === 'NEED') {
        parts.push(tag(labels[`need.${details.need}`] ?? details.need));
    } else if (kind === 'LEAN') {
        parts.push(tag(labels[`lean.${details.lean}`] ?? details.lean), tag(`energy ${details.energy} of 10`));
    }
    return h('div', {}, parts.length ? h('p', { class: 'tags' }, parts) : null,
        text ? h('p', { class: 'entry-text', dir: 'auto' }, text) : null,
        details.reassurance ? h('p', { class: 'entry-text muted' }, 'And: ', h('bdi', {}, details.reassurance)) : null);
}

/** A labelled range with its value spoken and shown. */
function range({ id, name, label, min, max, value, describe }) {
    const output = h('output', { for: id, class: 'range-value' });
    const input = h('input', { id, name, type: 'range', min, max, step: 1, value });
    const show = () => {
        output.textContent = describe(Number(input.value));
        input.setAttribute('aria-valuetext', describe(Number(input.value)));
    };
    input.addEventListener('input', show);
    show();
    return { el: h('div', { class: 'field range' }, h('label', { for: id }, label), h('div', { class: 'range-row' }, input, output)), input };
}

/** A group of radio buttons with a legend. */
function choice({ name, legend, value, options }) {
    const inputs = options.map(([v, words]) => {
        const id = `${name}-${v}`;
        return h('label', { class: 'choice', for: id }, h('input', { id, type: 'radio', name, value: v, checked: v === value }), ' ', words);
    });
    return {
        el: h('fieldset', { class: 'field choices' }, h('legend', {}, legend), inputs),
        value: () => inputs.map((l) => l.querySelector('input')).find((i) => i.checked)?.value,
    };
}
