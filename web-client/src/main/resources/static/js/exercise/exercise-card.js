// The exercise of a session, step by step: where each partner is, what the step asks (in Duet's
// own words, from the exercise guides), the author's private entries with the way they leave
// (shared when ready, revealed together, or never), the reveal, the acts the exercise offers
// (softening, re-engagement, baby steps, letting go), the loop, pause, and the outcome at the end.
// A consented therapist observes: they see what both can see, confirm change events and may pause.
import { command, put, queryUntil } from '../api.js';
import { fill, h, when } from '../dom.js';
import { onPress, onSubmit, problemBox } from '../forms.js';
import { newEntryId } from '../ids.js';
import { loopCard } from './loop.js';
import { actsPart } from './acts.js';
import { entryBody, formParts } from './answers.js';
import { exerciseGuides } from './guides.js';
import { renderOutcome } from './outcome.js';
import { revealPart } from './reveal.js';
import { sharedNotices } from './shared-notices.js';
import { stepsPart } from './steps.js';

const PUT_PATHS = { TEXT: 'entries', CYCLE_LINK: 'cycle-links', BEHAVIOUR: 'behaviours', NEED: 'needs', REASSURANCE: 'reassurances', LEAN: 'leans' };

export function exerciseCard({ me, sessionId, announce }) {
    const title = h('h2', { id: 'exercise-title' }, 'The exercise');
    const purpose = h('p', { class: 'hint' });
    const pausedNote = h('p', { class: 'notice paused', role: 'status', hidden: true }, 'The session is paused. Nothing can be written until it resumes.');
    const pauseButton = h('button', { class: 'button', type: 'button', hidden: true }, 'Pause');
    const pauseProblem = problemBox();
    const steps = stepsPart({ onGo: (key) => goTo(key) });
    const panel = h('section', { class: 'step-panel stack', 'aria-live': 'off' });
    const outcome = h('section', { class: 'card stack outcome', hidden: true, 'aria-labelledby': 'outcome-title' });
    let loop = null;
    const loopSlot = h('div');
    const acts = actsPart({ me, sessionId, view: () => view, guide: () => guide, current: () => current,
        labels: () => labels, nameOf: (id) => nameOf(id), active: () => active() });
    const titleOf = (key) => stepGuide(key)?.title ?? 'a step';
    const reveal = revealPart({ me, sessionId, announce, nameOf: (id) => nameOf(id), stepTitle: titleOf });
    const shares = sharedNotices({ me, goTo: (key) => goTo(key), stepTitle: titleOf, nameOf: (id) => nameOf(id), announce });

    const el = h('div', { class: 'stack exercise' },
        h('section', { class: 'card stack exercise-card', 'aria-labelledby': 'exercise-title' },
            h('div', { class: 'exercise-head' }, h('div', {}, title, purpose), h('div', { class: 'row-actions' }, pauseButton)),
            pauseProblem, pausedNote, steps.el, panel),
        shares?.el,
        acts.el, loopSlot, outcome);

    let view = null;
    let guide = null;
    let labels = {};
    let drafts = [];
    let current = null;         // the step this screen shows
    let editing = null;         // { step, el } while an entry of the step shown is being rewritten
    const newEntryForms = new Map();    // one form per step, built once, so pushes never wipe what is typed

    onPress(pauseButton, pauseProblem, () => command(`sessions/${sessionId}/${view?.paused ? 'resume' : 'pause'}`));

    exerciseGuides().then((all) => {
        labels = all[0]?.labels ?? {};
        if (view) {
            update(view);
        }
    }).catch((problem) => {
        purpose.textContent = `The exercise's words could not be loaded: ${problem.message}`;
    });

    const me_ = () => view?.partners.find((p) => p.partnerId === me);
    const other = () => view?.partners.find((p) => p.partnerId !== me);
    const nameOf = (id) => (id === me ? 'You' : view?.partners.find((p) => p.partnerId === id)?.displayName ?? 'Your partner');
    const active = () => view?.status === 'RUNNING' && me_()?.present && !view?.paused;
    const stepGuide = (key) => guide?.steps.find((s) => s.key === key);

    function update(next) {
        const before = view;
        view = next;
        reveal.track(before, next);
        shares?.update(before, next, current);
        exerciseGuides().then((all) => {
            guide = all.find((g) => g.exercise === view.exercise);
            render(before);
        }).catch(() => { /* the purpose line says the words could not be loaded */ });
    }

    function render(before) {
        if (!guide) {
            return;
        }
        title.textContent = guide.title;
        purpose.textContent = guide.purpose;
        const running = view.status === 'RUNNING';
        pausedNote.hidden = !view.paused || !running;
        pauseButton.hidden = !running || !me_()?.present;
        pauseButton.textContent = view.paused ? 'Resume' : 'Pause';
        current ??= me_()?.step ?? guide.steps[0].key;
        renderSteps();
        renderPanel();
        acts.render();
        renderLoop();
        renderOutcome(outcome, view.outcome, nameOf);
        if (before) {
            announceChanges(before, view);
        }
    }

    function renderSteps() {
        steps.render({ steps: guide.steps.filter((s) => s.key !== 'notes'), current, view, nameOf, progress });
    }

    function progress(key) {
        return view.steps?.find((s) => s.key === key);
    }

    async function goTo(key) {
        current = key;
        shares?.seen(key);
        render();
        panel.querySelector('h3')?.focus();
        if (view.status === 'RUNNING' && me_()?.present) {
            await command(`sessions/${sessionId}/step`, { step: key }).catch(() => { /* where one is looking is not worth an error */ });
        }
    }

    // The panel's parts stay in place between renders: a push must never detach the form someone is
    // typing in, or the focus (and what they type next) would be lost.
    const stepTitle = h('h3', { tabindex: -1 });
    const stepPrompt = h('p', { class: 'step-prompt' });
    const stepHelp = h('p', { class: 'hint' });
    const stepPrivacy = h('p', {});
    const formSlot = h('div');
    const restSlot = h('div', { class: 'stack' });
    panel.append(stepTitle, stepPrompt, stepHelp, stepPrivacy, formSlot, restSlot);

    function renderPanel() {
        const step = stepGuide(current);
        if (!step) {
            return;
        }
        const state = progress(current) ?? { readyBy: [] };
        const shown = (view.entries ?? []).filter((e) => e.step === current);
        // Answers the view shows are no longer private, whether or not the drafts were fetched again since.
        const out = new Set(shown.filter((e) => e.authorId === me).map((e) => e.entryId));
        const mine = drafts.filter((d) => d.step === current && !out.has(d.entryId));
        const ready = state.readyBy?.includes(me);
        const form = active() && !state.revealedAt && !ready
            ? (editing?.step === current ? editing.el : newEntryForm(step)) : null;

        stepTitle.textContent = step.title;
        stepPrompt.textContent = step.prompt;
        stepHelp.textContent = step.help;
        stepPrivacy.className = `privacy ${step.sharing === 'OWN' ? 'only-you' : 'shared'}`;
        stepPrivacy.textContent = state.revealedAt ? 'Revealed: both answers opened at the same moment, for both of you.'
            : step.sharingNote;
        if (formSlot.firstElementChild !== form) {
            fill(formSlot, form);
        }
        const revealBox = step.sharing === 'REVEALED' ? reveal.box({ step, state, view, mine, active: active() }) : null;
        fill(restSlot,
            !active() && view.status === 'RUNNING' && h('p', { class: 'hint' },
                view.paused ? 'Paused for now.' : 'Join the session to write here.'),
            mine.length > 0 && h('div', { class: 'stack' }, h('h4', {}, 'Only you can see these yet'),
                h('ol', { class: 'drafts' }, mine.map((d) => myEntry(step, d, ready)))),
            revealBox,
            shown.length > 0 && h('div', { class: 'stack' }, h('h4', {}, step.sharing === 'REVEALED' ? 'Revealed' : 'Shared'),
                h('ol', { class: 'entries' }, shown.map((e) => sharedEntry(e)))),
        );
    }

    function newEntryForm(step) {
        // A reassurance answers one of the partner's needs: its form is built again when more come in.
        const key = step.accepts[0] === 'REASSURANCE'
            ? `${step.key}:${(view.entries ?? []).filter((e) => e.kind === 'NEED' && e.authorId !== me).length}` : step.key;
        if (!newEntryForms.has(key)) {
            newEntryForms.set(key, entryForm(step));
        }
        return newEntryForms.get(key);
    }

    /** The form for the step's kind of answer; editing fills it with the draft. */
    function entryForm(step, draft = null) {
        const kind = draft?.kind ?? step.accepts[0];
        const box = problemBox();
        const parts = formParts(kind, step, draft,
            { labels, theirNeeds: (view.entries ?? []).filter((e) => e.kind === 'NEED' && e.authorId !== me),
                keep: `${location.hash}|${step.key}|${draft?.entryId ?? 'new'}` });
        const cancel = draft ? h('button', { class: 'button quiet', type: 'button' }, 'Stop editing') : null;
        const form = h('form', { class: 'stack entry-form', 'aria-label': draft ? 'Edit your answer' : 'Your answer' },
            parts.el, box,
            h('div', { class: 'row-actions' }, h('button', { class: 'button primary', type: 'submit' }, draft ? 'Save changes' : 'Save privately'), cancel));
        cancel?.addEventListener('click', () => {
            // Edits given up are not kept for the next time this answer is edited.
            parts.reset();
            editing = null;
            renderPanel();
        });
        onSubmit(form, async () => {
            const entryId = draft?.entryId ?? newEntryId();
            const body = { step: step.key, ...parts.value() };
            await put(`sessions/${sessionId}/${PUT_PATHS[kind]}/${entryId}`, body);
            announce(step.sharing === 'OWN' ? 'Saved. Only you will ever see this.' : 'Saved. Only you can see it for now.');
            // Saved: nothing of it is kept as unsaved any more (an edited draft's form then goes).
            parts.reset();
            if (draft) {
                editing = null;
            }
            await loadDrafts((found) => found.some((d) => d.entryId === entryId && JSON.stringify(d.writtenAt) !== JSON.stringify(draft?.writtenAt)));
        });
        return form;
    }

    function myEntry(step, draft, ready) {
        const box = problemBox();
        const canChange = active() && !ready && !progress(step.key)?.revealedAt;
        const edit = canChange ? h('button', { class: 'button', type: 'button' }, 'Edit') : null;
        edit?.addEventListener('click', () => {
            editing = { step: step.key, el: entryForm(step, draft) };
            renderPanel();
            editing.el.querySelector('textarea, select, input')?.focus();
        });
        const share = canChange && step.sharing === 'SHARED' && h('button', { class: 'button', type: 'button' }, 'Share with my partner');
        if (share) {
            onPress(share, box, async () => {
                if (!confirm(`Share this with ${nameOf(other()?.partnerId)}? Once shared it is final.`)) {
                    return;
                }
                await command(`sessions/${sessionId}/entries/${draft.entryId}/share`);
                announce('Shared.');
                await loadDrafts((found) => !found.some((d) => d.entryId === draft.entryId && d.step === step.key));
            });
        }
        return h('li', { class: 'draft' }, entryBody(draft.kind, draft.text, draft.details, labels),
            h('p', { class: 'muted small' }, 'Saved ', when(draft.writtenAt), ready ? ' · marked ready, still only you' : ' · only you'),
            h('div', { class: 'row-actions' }, edit, share), box);
    }

    function sharedEntry(entry) {
        return h('li', { class: `entry ${entry.authorId === me ? 'from-me' : ''}` },
            h('p', { class: 'bid-head' }, h('strong', { dir: 'auto' }, nameOf(entry.authorId)), ' · ', when(entry.sharedAt)),
            entryBody(entry.kind, entry.text, entry.details, labels));
    }

    function renderLoop() {
        if (!['CYCLE_MAP', 'RESENTMENT_TO_CLOSENESS'].includes(view.exercise)) {
            return;
        }
        if (!loop) {
            loop = loopCard({ labels, nameOf });
            loopSlot.replaceChildren(loop.el);
        }
        loop.update(view.loop);
    }

    function announceChanges(before, after) {
        const partner = after.partners.find((p) => p.partnerId !== me);
        const was = before.partners.find((p) => p.partnerId === partner?.partnerId);
        if (partner && was && partner.step !== was.step && partner.step) {
            announce(`${partner.displayName} moved to ${stepGuide(partner.step)?.title ?? 'another step'}.`);
        }
        for (const step of after.steps ?? []) {
            const old = before.steps?.find((s) => s.key === step.key);
            const newlyReady = (step.readyBy ?? []).find((id) => id !== me && !old?.readyBy?.includes(id));
            if (step.revealedAt && !old?.revealedAt) {
                announce(`${stepGuide(step.key)?.title ?? 'A step'}: both answers are revealed.`);
                loadDrafts(); // the revealed ones are drafts no more
            } else if (newlyReady) {
                announce(`${nameOf(newlyReady)} is ready at ${titleOf(step.key)}.`);
            }
        }
        if (after.paused !== before.paused) {
            announce(after.paused ? 'The session is paused.' : 'The session goes on.');
        }
        const known = new Set((before.moves ?? []).map((m) => m.moveId));
        (after.moves ?? []).filter((m) => !known.has(m.moveId) && m.partnerId !== me)
            .forEach((m) => announce(`${nameOf(m.partnerId)} said: ${m.words}`));
        if (after.status === 'ENDED' && before.status !== 'ENDED') {
            setTimeout(() => outcome.querySelector('h2')?.focus(), 0);
        }
    }

    async function loadDrafts(seen = () => true) {
        try {
            // A busy read side can take a few seconds; private drafts are never pushed, so keep asking a while.
            drafts = (await queryUntil(`sessions/${sessionId}/my-drafts`, (found) => seen(found ?? []),
                [100, 200, 400, 800, 1600, 3200, 6400])) ?? [];
        } catch {
            return; // the notes card says when drafts cannot be loaded
        }
        if (view && guide) {
            render();
        }
    }

    const whenSeen = () => document.visibilityState === 'visible' && loadDrafts();
    document.addEventListener('visibilitychange', whenSeen);
    loadDrafts();

    return {
        el,
        update,
        /** After a reconnect, private drafts are fetched again like the views. */
        refresh: () => loadDrafts(),
        stop() {
            document.removeEventListener('visibilitychange', whenSeen);
            reveal.stop();
            steps.stop();
        },
    };
}
