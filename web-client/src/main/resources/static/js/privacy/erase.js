// The couple screen's danger zone: erasing the couple, for good, once the word is typed.
import { command, Problem } from '../api.js';
import { h } from '../dom.js';
import { field, onSubmit, problemBox } from '../forms.js';

const WORD = 'ERASE';

export function eraseCard({ coupleId, onErased }) {
    const form = h('form', { class: 'stack' },
        field({ id: 'erase-word', name: 'word', label: `To confirm, type ${WORD}`, required: true, autocomplete: 'off',
            spellcheck: 'false', autocapitalize: 'characters', maxlength: 20 }),
        problemBox(),
        h('button', { class: 'button danger-solid', type: 'submit' }, 'Erase our couple for good'));
    onSubmit(form, async (data) => {
        if (data.get('word').trim().toUpperCase() !== WORD) {
            throw new Problem(400, { detail: `Nothing was erased. To erase your couple, type ${WORD} in the box.`, errors: [{ field: 'word' }] });
        }
        await command(`couples/${coupleId}/erase`);
        onErased();
    });

    const el = h('section', { class: 'card stack danger-zone', 'aria-labelledby': 'erase-title' },
        h('h2', { id: 'erase-title' }, 'Erase our couple'),
        h('p', {}, 'Erasing makes every word both of you wrote in Duet unreadable, for good. Your couple, its sessions and '
            + 'everything shown about them disappear, for both of you and for any therapist you invited.'),
        h('p', {}, h('strong', {}, 'This cannot be undone.'), ' Either of you can do it alone, without the other agreeing first.'),
        form);
    return { el };
}
