// The export: one row per couple under its pseudonym, as CSV or JSON Lines, with no name and no word.
import { h } from '../dom.js';
import { onPress, problemBox } from '../forms.js';
import { download } from '../download.js';

export function exportCard({ announce }) {
    const csv = h('button', { class: 'button', type: 'button' }, 'Download CSV');
    const lines = h('button', { class: 'button', type: 'button' }, 'Download JSON Lines');
    const box = problemBox();
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'export-title' },
        h('h2', { id: 'export-title' }, 'Export'),
        h('p', {}, 'One row per couple, under its pseudonym: the phase, counts and percentages. No name and no word is in it.'),
        h('div', { class: 'row-actions' }, csv, lines),
        box);
    onPress(csv, box, async () => {
        const name = await download('analytics/export.csv', 'duet-couples.csv', 'text/csv');
        announce(`The export ${name} is ready in your downloads.`);
    });
    onPress(lines, box, async () => {
        const name = await download('analytics/export.jsonl', 'duet-couples.jsonl', 'application/x-ndjson');
        announce(`The export ${name} is ready in your downloads.`);
    });
    return { el };
}
