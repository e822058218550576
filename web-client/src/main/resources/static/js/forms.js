// Labelled fields, waiting buttons, refusals shown right where the partner acted, and focus that
// stays on the item acted on when a push rebuilds its list.
import { h } from './dom.js';
import { keepUnsaved } from './unsaved.js';

/** A labelled input (or textarea, or select), with an optional hint tied to it for screen readers. */
export function field({ id, label, hint, control = 'input', options, ...attributes }) {
    const hintId = hint ? `${id}-hint` : null;
    const element = h(control, { id, 'aria-describedby': hintId, ...attributes }, options);
    return h('div', { class: 'field' },
        h('label', { for: id }, label),
        hint && h('p', { class: 'hint', id: hintId }, hint),
        element);
}

/** The place a refusal's detail appears; role=alert so it is read out as it appears. */
export function problemBox() {
    return h('p', { class: 'problem', role: 'alert', hidden: true });
}

/** Runs action on submit; shows the problem's detail next to the form if the service refuses. */
export function onSubmit(form, action) {
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const button = form.querySelector('button[type=submit]');
        busy(form, button, () => action(new FormData(form)));
    });
}

/** Runs action for a button outside a form; problems go to the given box. */
export function onPress(button, box, action) {
    button.addEventListener('click', () => busy(box.parentElement, button, action, box));
}

async function busy(container, button, action, box = container.querySelector('.problem')) {
    if (button?.getAttribute('aria-disabled') === 'true') {
        return;
    }
    clearProblem(container, box);
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus.
    button?.setAttribute('aria-disabled', 'true');
    try {
        await action();
    } catch (problem) {
        showProblem(container, box, problem);
    } finally {
        button?.removeAttribute('aria-disabled');
    }
}

function showProblem(container, box, problem) {
    if (!box) {
        console.warn(problem);
        return;
    }
    box.textContent = inWords(problem, container);
    box.hidden = false;
    for (const { field } of problem.errors ?? []) {
        container.querySelector(`[name="${CSS.escape(field)}"]`)?.setAttribute('aria-invalid', 'true');
    }
}

/**
 * A refusal as a person reads it: a field's message that is a sentence of its own stands as it is; a
 * terse one ("must not be blank") goes after the field's label as the form shows it. A field's
 * internal name (therapistCode) is never shown.
 */
function inWords(problem, container) {
    const errors = (problem.errors ?? []).filter((e) => e?.field);
    if (errors.length === 0) {
        return problem.message;
    }
    const sentences = errors.map(({ field, message = '' }) => {
        if (!message) {
            return problem.message; // the page's own refusal: its detail is already in words
        }
        if (/^[A-Z]/.test(message)) {
            return message;
        }
        const input = container.querySelector(`[name="${CSS.escape(field)}"]`);
        const label = input?.id ? container.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent.trim() : null;
        return label && message ? `${label}: ${message}.` : null;
    }).filter(Boolean);
    return sentences.length > 0 ? [...new Set(sentences)].join(' ') : 'Please check what you entered, then try again.';
}

function clearProblem(container, box) {
    if (box) {
        box.hidden = true;
        box.textContent = '';
    }
    container.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}

/** A labelled textarea with a running count of characters against its limit; reset() empties it. */
export function countedText({ id, name = id, label, hint, max, rows = 4, keep = `${location.hash}|${id}`, ...attributes }) {
    const countId = `${id}-count`;
    const hintId = hint ? `${id}-hint` : null;
    const textarea = h('textarea', { id, name, rows, maxlength: max, dir: 'auto',
        'aria-describedby': [hintId, countId].filter(Boolean).join(' '), ...attributes });
    const count = h('p', { id: countId, class: 'hint count' });
    const refused = h('p', { class: 'field-problem', role: 'status', hidden: true });
    const recount = () => {
        count.textContent = `${textarea.value.length} of ${max} characters`;
    };
    textarea.addEventListener('input', () => {
        refused.hidden = true;
        recount();
    });
    // A paste that would go past the limit is refused whole, and says so: never cut short without a word.
    textarea.addEventListener('paste', (event) => {
        const pasted = event.clipboardData?.getData('text') ?? '';
        const after = textarea.value.length - (textarea.selectionEnd - textarea.selectionStart) + pasted.length;
        if (after > max) {
            event.preventDefault();
            refused.textContent = `Not pasted: that would make ${after} characters, and this field takes at most ${max}.`;
            refused.hidden = false;
        }
    });
    recount();
    const unsaved = keep ? keepUnsaved(textarea, keep, recount) : { clear() {}, pause() {}, resume() {} };
    const el = h('div', { class: 'field' },
        h('label', { for: id }, label),
        hint && h('p', { class: 'hint', id: hintId }, hint),
        textarea, count, refused);
    return {
        el,
        textarea,
        set(text) {
            textarea.value = text;
            recount();
        },
        /** Keeps nothing of what is typed while the field holds something saved elsewhere (an entry being edited). */
        editing(on) {
            if (on) {
                unsaved.pause();
            } else {
                unsaved.resume();
            }
        },
        /** Empties the field once what was in it is saved (or sent): nothing of it is kept any more. */
        reset() {
            textarea.value = '';
            unsaved.clear();
            refused.hidden = true;
            recount();
        },
    };
}

/** onPress, returning the button, for building a row of actions in one expression. */
export function pressed(button, box, action) {
    onPress(button, box, action);
    return button;
}

/**
 * Focus that follows an item acted on: acting(key, action) remembers it, and built(elements), given
 * what a push rebuilt, moves the focus to its new element, so the keyboard stays where it was.
 */
export function focusFollower() {
    let acted = null;
    return {
        async acting(key, action) {
            acted = key;
            try {
                await action();
            } catch (problem) {
                acted = null;
                throw problem;
            }
        },
        built(elements) {
            const item = acted && elements.find((el) => el.dataset.key === acted);
            if (item) {
                item.focus();
                acted = null;
            }
        },
    };
}

/**
 * "Show older …" under a list the view holds only the newest page of: loadOlder(list) adds the next
 * older page and says whether older ones remain. update(count) shows the button while the list
 * holds a full page or more and older items may remain.
 */
export function olderItems({ label, list, loadOlder, pageSize }) {
    const button = h('button', { class: 'button quiet older', type: 'button', hidden: true }, label);
    const box = problemBox();
    const el = h('div', { class: 'older-items' }, button, box);
    let remain = true;
    let count = 0;
    onPress(button, box, async () => {
        remain = await loadOlder(list);
        button.hidden = !remain;
    });
    return {
        el,
        update(held) {
            count = held;
            button.hidden = !loadOlder || !remain || count < pageSize;
        },
    };
}
