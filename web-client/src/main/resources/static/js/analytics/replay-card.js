// One session of the chosen couple, replayed event by event at the pace it happened or faster: only
// each event's kind, partners A and B, numbers and step names appear.
import { Problem } from '../api.js';
import { fill, h, renderList, when } from '../dom.js';
import { field, onPress, problemBox } from '../forms.js';
import { onState, watch } from '../live.js';
import { exerciseLabel } from '../exercise/guides.js';
import { capital, typeWords } from '../words.js';
import { enumWords, numbers, partnerWords, post, segment, showProblem } from './research.js';

const SPEEDS = [1, 2, 5, 10, 25, 50];
const ANNOUNCE_EVERY_MS = 1500;    // frames can come many a second: they are read out together, calmly

/**
 * One session of the chosen couple, replayed: prepared (paused at the start) on the first Play,
 * listened to on /topic/replays.{id}, and steered by play, pause, seek and speed. The topic brings
 * frames ({ index, … }) and statuses ({ position, … }); every control answers a status as well.
 */
export function replayCard({ announce }) {
    const sessionField = field({ id: 'replay-session', name: 'session', label: 'Session', control: 'select' });
    const sessionSelect = sessionField.querySelector('select');
    const speedField = field({ id: 'replay-speed', name: 'speed', label: 'Speed', control: 'select',
        options: SPEEDS.map((speed) => h('option', { value: speed }, speed === 1 ? '1× (as it happened)' : `${speed}× faster`)) });
    const speedSelect = speedField.querySelector('select');
    const play = h('button', { class: 'button primary research-play', type: 'button', 'aria-pressed': 'false' },
        h('span', { class: 'research-play-icon', 'aria-hidden': 'true' }), 'Play');
    const position = h('output', { for: 'replay-position', class: 'research-position' }, 'Event 0 of 0');
    const scrub = h('input', { type: 'range', id: 'replay-position', name: 'position', min: 0, max: 0, value: 0, step: 1,
        'aria-valuetext': 'Event 0 of 0' });
    const scrubField = h('div', { class: 'field research-scrub', hidden: true },
        h('div', { class: 'research-scrub-head' }, h('label', { for: 'replay-position' }, 'Position in the session'), position), scrub);
    const statusLine = h('p', { class: 'muted' }, 'Choose a session, then press Play.');
    const box = problemBox();
    const frameList = h('ol', { class: 'research-frames' });
    const noFrames = h('p', { class: 'muted small' }, 'The events appear here as they play.');
    const scroller = h('div', { class: 'research-frames-box', role: 'region', 'aria-label': 'Replayed events', tabindex: 0 }, noFrames, frameList);
    const offline = h('p', { class: 'notice small', hidden: true },
        'Replays arrive over the live connection, which is not open just now. The events appear once it is.');
    const none = h('p', { class: 'muted' }, 'Choose a couple first: its sessions appear here.');
    const controls = h('div', { class: 'stack', hidden: true },
        h('div', { class: 'research-replay-fields' }, sessionField, speedField),
        h('div', { class: 'row-actions' }, play, statusLine),
        scrubField, box, scroller);
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'replay-title' },
        h('h2', { id: 'replay-title' }, 'Replay a session'),
        h('p', { class: 'hint' }, 'Its events again, in order, at the pace they happened or faster. '
            + 'Only the kind of each event, partners A and B, numbers and step names appear.'),
        offline, none, controls);

    let couple = null;
    let replay = null;          // { id, session, status, undo } once prepared
    const frames = new Map();   // index -> frame
    let scrubbing = false;
    let heard = [];             // frames not yet read out
    let heardTimer = null;
    let stopped = false;

    const undoState = onState((state) => {
        offline.hidden = state === 'live';
    });

    function setCouple(view) {
        if (view.coupleId !== couple) {
            reset();
            couple = view.coupleId;
        }
        const sessions = view.sessions ?? [];
        const kept = sessionSelect.value;
        fill(sessionSelect, sessions.map((s) => h('option', { value: s.sessionId }, `${s.sessionId} · ${exerciseLabel(s.exercise)}`)));
        if (sessions.some((s) => s.sessionId === kept)) {
            sessionSelect.value = kept;
        } else if (replay) {
            reset();
        }
        none.hidden = sessions.length > 0;
        none.textContent = `Couple ${couple} has no session to replay yet.`;
        controls.hidden = sessions.length === 0;
    }

    /** The replay of the chosen session, prepared and listened to if it is not yet; null if the choice changed meanwhile. */
    async function ready() {
        const session = sessionSelect.value;
        if (replay?.session === session) {
            return replay;
        }
        reset();
        const status = await post('analytics/replays', { session, speed: Number(speedSelect.value) });
        if (stopped || sessionSelect.value !== session || replay) {
            return null;
        }
        replay = { id: status.replayId, session, status, undo: watch(`/topic/replays.${status.replayId}`, hear) };
        apply(status);
        return replay;
    }

    /** POSTs one control of the replay and shows the status it answers; a replay the service forgot starts over. */
    async function control(action, body) {
        try {
            apply(await post(`analytics/replays/${segment(replay.id)}/${action}`, body));
        } catch (problem) {
            if (problem.status === 404) {
                reset();
                throw new Problem(404, { detail: 'This replay is no longer available. Press Play to start it again.' });
            }
            throw problem;
        }
    }

    function playing() {
        return Boolean(replay && !replay.status.paused && !replay.status.finished);
    }

    onPress(play, box, async () => {
        if (playing()) {
            await control('pause');
            announce('The replay is paused.');
            return;
        }
        if (!(await ready())) {
            return;
        }
        if (replay.status.finished) {
            drop(0);
            await control('seek', { position: 0 });
        }
        await control('play');
    });

    speedSelect.addEventListener('change', () => replay && act(() => control('speed', { speed: Number(speedSelect.value) })));
    sessionSelect.addEventListener('change', () => reset());
    scrub.addEventListener('input', () => {
        scrubbing = true;
        showPosition(Number(scrub.value), Number(scrub.max));
    });
    scrub.addEventListener('change', () => {
        scrubbing = false;
        if (!replay) {
            return;
        }
        const to = Number(scrub.value);
        drop(to);
        act(() => control('seek', { position: to }));
    });

    async function act(action) {
        box.hidden = true;
        try {
            await action();
        } catch (problem) {
            showProblem(box, problem);
        }
    }

    function hear(message) {
        if (!replay || message.replayId !== replay.id) {
            return;
        }
        if ('index' in message) {
            frames.set(message.index, message);
            showPosition(message.index + 1, message.total);
            renderFrames();
            readOut(message);
        } else if ('position' in message) {
            apply(message);
        }
    }

    function apply(status) {
        if (!replay || status.replayId !== replay.id) {
            return;
        }
        const wasFinished = replay.status.finished;
        replay.status = status;
        play.setAttribute('aria-pressed', String(playing()));
        speedSelect.value = String(status.speed);
        scrubField.hidden = false;
        showPosition(status.position, status.total);
        if (status.total === 0) {
            statusLine.textContent = 'This session has no events to replay.';
        } else if (playing()) {
            statusLine.textContent = status.speed === 1 ? 'Playing at the pace it happened.' : `Playing ${status.speed}× faster.`;
        } else if (status.finished) {
            statusLine.textContent = 'The replay has reached its end. Press Play to watch it again.';
        } else {
            statusLine.textContent = status.position === 0 ? 'Ready at the start.' : 'Paused.';
        }
        if (status.finished && !wasFinished && status.total > 0) {
            announce('The replay has reached its end.');
        }
    }

    /** played: how many events have played, which is also the next one's index. */
    function showPosition(played, total) {
        scrub.max = String(total);
        if (!scrubbing) {
            scrub.value = String(played);
        }
        const words = `Event ${scrub.value} of ${total}`;
        scrub.setAttribute('aria-valuetext', words);
        position.textContent = words;
    }

    /** Frames from this index on will play again: they leave the list until they do. */
    function drop(from) {
        [...frames.keys()].filter((index) => index >= from).forEach((index) => frames.delete(index));
        renderFrames();
    }

    function renderFrames() {
        // Kept at the newest unless the reader scrolled up to look at earlier ones.
        const atEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 48;
        const ordered = [...frames.values()].sort((a, b) => a.index - b.index);
        renderList(frameList, ordered, { key: (frame) => String(frame.index), render: frameItem });
        noFrames.hidden = ordered.length > 0;
        if (atEnd) {
            scroller.scrollTop = scroller.scrollHeight;
        }
    }

    function readOut(frame) {
        heard.push(frame);
        heardTimer ??= setTimeout(() => {
            const latest = heard.at(-1);
            announce(heard.length === 1 ? frameSentence(latest) : `${heard.length} more events; the latest: ${frameSentence(latest)}`);
            heard = [];
            heardTimer = null;
        }, ANNOUNCE_EVERY_MS);
    }

    /** Forgets the replay on show: no longer listened to, and paused if it was playing. */
    function reset() {
        if (replay) {
            replay.undo();
            if (playing()) {
                post(`analytics/replays/${segment(replay.id)}/pause`).catch(() => {});
            }
            replay = null;
        }
        clearTimeout(heardTimer);
        heardTimer = null;
        heard = [];
        frames.clear();
        renderFrames();
        scrubbing = false;
        scrubField.hidden = true;
        play.setAttribute('aria-pressed', 'false');
        statusLine.textContent = 'Choose a session, then press Play.';
        box.hidden = true;
    }

    return {
        el,
        setCouple,
        stop() {
            stopped = true;
            reset();
            undoState();
        },
    };
}

function frameItem(frame) {
    const details = detailWords(frame.details);
    return h('li', { class: 'research-frame', value: frame.index + 1 },
        h('p', { class: 'bid-head' },
            h('strong', {}, typeWords(frame.type)),
            frame.actor && ` · ${capital(partnerWords(frame.actor))}`,
            ' · ', when(frame.at)),
        details.length > 0 && h('p', { class: 'small' }, details.join(' · ')));
}

/** A replayed frame's details: enumerations, numbers, yes/no and step keys, each as words. */
function detailWords(details) {
    return Object.entries(details ?? {}).map(([key, value]) => {
        const field = key.replace(/Count$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
        let shown;
        if (typeof value === 'boolean') {
            shown = value ? 'yes' : 'no';
        } else if (typeof value === 'number') {
            shown = numbers.format(value);
        } else if (key === 'exercise') {
            shown = exerciseLabel(value);
        } else {
            shown = enumWords(value);
        }
        return `${field}: ${shown}`;
    });
}

function frameSentence(frame) {
    return `${typeWords(frame.type)}${frame.actor ? `, by ${partnerWords(frame.actor)}` : ''}.`;
}
