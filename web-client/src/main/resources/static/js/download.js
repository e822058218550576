// Files to keep, fetched with the signed-in person's token (a plain link could not carry it) and handed
// to the browser to save through a blob: address, which the page's policy allows as a download.
import { signedResponse } from './api.js';
import { h } from './dom.js';

/** GET /api/queries/{path} as a file; resolves to the file's name as the server gave it. */
export async function download(path, fallbackName, type) {
    const response = await signedResponse('GET', `/api/queries/${path}`, { accept: `${type}, application/problem+json` });
    const name = response.headers.get('Content-Disposition')?.match(/filename="?([^";]+)"?/)?.[1] ?? fallbackName;
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked a little later: some browsers read the file only after click() has returned.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    return name;
}
