// Words typed and not saved yet survive a reload or a dropped connection: each text field keeps what is
// in it in this tab's sessionStorage (never the browser's lasting storage: a family computer is shared), under the
// signed-in account, until it is saved or the person signs out. A field that must leave no trace (a
// safety concern) keeps nothing.
import { person } from './auth.js';

const PREFIX = 'duet.unsaved:';

function storageKey(key) {
    const me = person()?.id;
    return me ? `${PREFIX}${me}:${key}` : null;
}

/** Keeps the textarea's unsaved words under key, and puts back what was kept once its owner has filled it in. */
export function keepUnsaved(textarea, key, restored) {
    const stored = storageKey(key);
    if (!stored) {
        return { clear() {}, pause() {}, resume() {} };
    }
    let paused = false;
    textarea.addEventListener('input', () => {
        if (paused) {
            return;
        }
        if (textarea.value) {
            sessionStorage.setItem(stored, textarea.value);
        } else {
            sessionStorage.removeItem(stored);
        }
    });
    // After the code that made the field has set what was saved: unsaved words are newer than those.
    queueMicrotask(() => {
        const kept = sessionStorage.getItem(stored);
        if (kept && kept !== textarea.value) {
            textarea.value = kept;
            restored();
        }
    });
    return {
        clear: () => sessionStorage.removeItem(stored),
        /** While the field holds something else (an entry being edited), nothing of it is kept here. */
        pause: () => {
            paused = true;
        },
        resume: () => {
            paused = false;
        },
    };
}

/** Signing out forgets every field's unsaved words, whoever typed them. */
export function forgetUnsaved() {
    Object.keys(sessionStorage).filter((key) => key.startsWith(PREFIX)).forEach((key) => sessionStorage.removeItem(key));
}
