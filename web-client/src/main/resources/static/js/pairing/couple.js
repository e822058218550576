// The couple's overview: who is in it, the invitation while one partner is missing, the sessions;
// once both are in, their cycle state, life between sessions, the baby steps they committed to, their
// therapist, who has seen their content, a private word to the therapist, and, set apart, erasing the
// couple.
import { command } from '../api.js';
import { fill, h, renderList, when } from '../dom.js';
import { field, olderItems, onSubmit, problemBox } from '../forms.js';
import { PAGE_SIZE } from '../feed.js';
import { exerciseGuides, exerciseLabel, loadedGuides } from '../exercise/guides.js';
import { therapistsCard } from '../consent/couple-therapists.js';
import { cycleCard } from '../cycle/cycle-card.js';
import { everydayCard } from '../everyday/everyday.js';
import { babyStepsCard } from '../exercise/baby-steps.js';
import { eraseCard } from '../privacy/erase.js';
import { readsCard } from '../audit/reads.js';
import { safetyCard } from '../clinical/safety.js';
import { partnerName } from '../words.js';

const FIRST_OFFERED = 'CHECK_IN';

/** loadOlder(list): adds the next older page of one of the overview's lists, says whether older ones remain. */
export function coupleScreen({ me, coupleId, invitationCode, announce, onErased, loadOlder }) {
    const heading = h('h1', { tabindex: -1 }, 'Your couple');
    const partners = h('ul', { class: 'people', 'aria-label': 'Partners' });
    const invite = h('div', { class: 'invite-slot' });
    const sessions = h('ul', { class: 'sessions' });
    const noSessions = h('p', { class: 'muted' }, 'No sessions yet. When you start one, your partner sees it here at once.');
    const olderSessions = olderItems({ label: 'Show older sessions', list: 'sessions', loadOlder, pageSize: PAGE_SIZE });

    const exerciseField = field({ id: 'exercise', name: 'exercise', label: 'Exercise', control: 'select', hint: ' ' });
    const select = exerciseField.querySelector('select');
    const showPurpose = () => {
        exerciseField.querySelector('.hint').textContent = loadedGuides().find((g) => g.exercise === select.value)?.purpose ?? '';
    };
    select.addEventListener('change', showPurpose);
    // The exercises as the guides name them, the lightest first.
    const offerExercises = (guides) => {
        const ordered = [...guides].sort((a, b) => (b.exercise === FIRST_OFFERED) - (a.exercise === FIRST_OFFERED));
        fill(select, ordered.map((g) => h('option', { value: g.exercise }, g.title)));
        showPurpose();
    };
    offerExercises(loadedGuides());
    if (loadedGuides().length === 0) {
        exerciseGuides().then(offerExercises).catch(() => { /* starting a session says what is wrong */ });
    }
    const start = h('form', { class: 'card stack', 'aria-labelledby': 'start-title', hidden: true },
        h('h2', { id: 'start-title' }, 'Start a session'),
        exerciseField,
        problemBox(),
        h('button', { class: 'button primary', type: 'submit' }, 'Start session'));
    onSubmit(start, async (form) => {
        const { sessionId } = await command(`couples/${coupleId}/sessions`, { exercise: form.get('exercise') });
        location.hash = `#/sessions/${sessionId}`;
    });

    const therapists = therapistsCard({ me, coupleId, announce });
    const safety = safetyCard({ coupleId });
    const reads = readsCard({ coupleId });
    const erase = eraseCard({ coupleId, onErased });
    const everyday = everydayCard({ me, coupleId, announce });
    const babySteps = babyStepsCard({ me, announce, loadOlder,
        nameOf: (id) => partnerName(shown?.partners.find((p) => p.partnerId === id)?.displayName) });
    const cycleSlot = h('div');
    let cycle = null;           // made on the first paired view: it starts following the cycle at once
    const paired = h('div', { class: 'screen', hidden: true },
        cycleSlot,
        everyday.el,
        babySteps.el,
        h('div', { class: 'grid two' }, h('div', { class: 'stack gap' }, therapists.el, safety.el), reads.el),
        erase.el);

    const el = h('div', { class: 'screen' },
        h('section', { class: 'hero' }, heading, partners),
        invite,
        h('div', { class: 'grid two' },
            start,
            h('section', { class: 'card stack', 'aria-labelledby': 'sessions-title' },
                h('h2', { id: 'sessions-title' }, 'Sessions'), noSessions, sessions, olderSessions.el)),
        paired);

    let shown = null;
    showInvitation(invite, invitationCode, announce);

    function update(view) {
        const names = view.partners.map((p) => partnerName(p.displayName));
        heading.textContent = view.paired ? names.join(' & ') : `${names[0] ?? 'Your couple'}, waiting for a partner`;
        fill(partners, view.partners.map((p) => h('li', { class: 'person' },
            h('span', { class: 'avatar', 'aria-hidden': 'true' }, initial(p.displayName)),
            h('span', { dir: 'auto' }, partnerName(p.displayName), p.partnerId === me && h('span', { class: 'you' }, ' (you)')))));
        showInvitation(invite, view.paired ? null : view.invitationCode ?? invitationCode, announce);
        start.hidden = !view.paired;
        paired.hidden = !view.paired;
        if (view.paired) {
            if (!cycle) {
                cycle = cycleCard({ coupleId, me, announce,
                    nameOf: (id) => (id === me ? 'You' : shown?.partners.find((p) => p.partnerId === id)?.displayName) });
                cycleSlot.replaceChildren(cycle.el);
            }
            everyday.update(view);
            babySteps.update(view, shown);
            therapists.update(view);
            safety.update(view);
            reads.update(view);
        }

        const ordered = [...(view.sessions ?? [])].sort((a, b) =>
            (a.status === 'RUNNING' ? 0 : 1) - (b.status === 'RUNNING' ? 0 : 1) || String(b.startedAt).localeCompare(String(a.startedAt)));
        noSessions.hidden = ordered.length > 0;
        renderList(sessions, ordered, { key: (s) => s.sessionId, render: sessionItem });
        olderSessions.update(ordered.length);

        if (shown) {
            announceChanges(shown, view);
        }
        shown = view;
    }

    function announceChanges(before, after) {
        const other = after.partners.find((p) => p.partnerId !== me);
        if (!before.paired && after.paired && other) {
            announce(`${other.displayName} joined your couple.`);
        }
        const known = new Set(before.sessions?.map((s) => s.sessionId));
        const started = after.sessions?.find((s) => !known.has(s.sessionId) && s.status === 'RUNNING');
        if (started) {
            announce(`A new session started: ${exerciseLabel(started.exercise)}.`);
        }
    }

    function stop() {
        safety.stop();
        reads.stop();
        everyday.stop();
        cycle?.stop();
    }

    return { el, title: 'Your couple', coupleId, update, stop };
}

function sessionItem(session) {
    const running = session.status === 'RUNNING';
    const label = exerciseLabel(session.exercise);
    return h('li', { class: `session-item ${running ? 'running' : 'ended'}` },
        h('div', { class: 'session-text' },
            h('strong', {}, label),
            h('span', { class: `badge ${running ? 'live' : ''}` }, running ? 'Running now' : 'Ended'),
            h('span', { class: 'muted small' }, 'Started ', when(session.startedAt))),
        h('a', { class: `button ${running ? 'primary' : 'quiet'}`, href: `#/sessions/${session.sessionId}`,
            'aria-label': `${running ? 'Join' : 'Look back on'} ${label}` }, running ? 'Join' : 'Look back'));
}

function showInvitation(slot, code, announce) {
    if (slot.dataset.code === (code ?? '')) {
        return;
    }
    slot.dataset.code = code ?? '';
    if (!code) {
        fill(slot);
        return;
    }
    const copy = h('button', { class: 'button quiet', type: 'button' }, 'Copy code');
    copy.addEventListener('click', async () => {
        try {
            await navigator.clipboard.writeText(code);
            announce('Code copied.');
            copy.textContent = 'Copied';
        } catch {
            getSelection().selectAllChildren(slot.querySelector('.code'));
        }
    });
    fill(slot, h('section', { class: 'card invite', 'aria-labelledby': 'invite-title' },
        h('h2', { id: 'invite-title' }, 'Invite your partner'),
        h('p', {}, 'Give your partner this code. They open Duet on their own device, sign in (or open an account), choose “Join your partner” and enter it.'),
        h('p', { class: 'code-row' }, h('span', { class: 'code' }, code), copy),
        h('p', { class: 'muted small' }, 'Sessions open up as soon as both of you are here.')));
}

function initial(name) {
    return (name ?? '?').trim().charAt(0).toUpperCase() || '?';
}
