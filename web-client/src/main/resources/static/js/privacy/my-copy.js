// A partner's own copy of their data: one file with everything Duet holds about them and their couple
// that they may see, and where to go instead to erase the couple. Nothing of the file stays in the page.
import { download } from '../download.js';
import { h } from '../dom.js';
import { onPress, problemBox } from '../forms.js';

export function myCopyCard({ coupleId }) {
    const button = h('button', { class: 'button', type: 'button' }, 'Download our data');
    const box = problemBox();
    const done = h('p', { class: 'muted', role: 'status', hidden: true });
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'my-copy-title' },
        h('h2', { id: 'my-copy-title' }, 'Your own copy of your data'),
        h('p', {}, 'Download everything Duet keeps about you and your couple that you can see: your sessions, what the two '
            + 'of you shared, your own drafts and the list items you keep to yourself, and who has seen your couple’s content. '
            + 'It comes as one file for you to keep.'),
        h('p', {}, 'What your partner has not shared is not in it: it stays theirs until they share it. They can download '
            + 'their own copy. Your copy holds words only you have seen, so keep it somewhere safe.'),
        h('div', { class: 'row-actions' }, button),
        box, done,
        h('p', { class: 'muted' }, 'Would you rather your couple were gone from Duet for good? Either of you can erase it '
            + 'with “Erase our couple” on this page. Download your copy first if you want one: once erased, there is nothing '
            + 'left to download.'));
    onPress(button, box, async () => {
        done.hidden = true;
        const file = await download(`couples/${encodeURIComponent(coupleId)}/my-copy`, 'duet-our-data.json', 'application/json');
        done.textContent = `Your copy, ${file}, is in your downloads.`;
        done.hidden = false;
    });
    return { el };
}
