// The exercise of a session, step by step: where each partner is, what the step asks (in Duet's
// own words, from the exercise guides), the author's private entries with the way they leave
// (shared when ready, revealed together, or never), the reveal, the acts the exercise offers
// (softening, re-engagement, baby steps, letting go), the loop, pause, and the outcome at the end.
// A consented therapist observes: they see what both can see, confirm change events and may pause.
import { command, put, query, queryUntil } from '../api.js';
import { fill, h, renderList, when } from '../dom.js';
import { countedText, field, onPress, onSubmit, problemBox } from '../forms.js';
import { newEntryId } from './entries.js';
import { loopCard } from './loop.js';

let guides = null;

/** Every exercise's steps and words, fetched once per page. */
export function exerciseGuides() {
    guides ??= query('exercises').catch((problem) => {
        guides = null;
        throw problem;
    });
    return guides;
}

const PUT_PATHS = { TEXT: 'entries', CYCLE_LINK: 'cycle-links', BEHAVIOUR: 'behaviours', NEED: 'needs', REASSURANCE: 'reassurances', LEAN: 'leans' };
/** The steps at which an exercise's acts are offered; what was already done shows at every step. */
const ACT_STEPS = {
    CYCLE_MAP: ['loop', 'next-time'],
    RESENTMENT_TO_CLOSENESS: ['closeness'],
    BABY_STEPS: ['choose', 'let-go'],
    SPACE_AND_CLOSENESS: ['reassure', 'plan'],
};
const SHARING_BADGE = { OWN: 'Only you', SHARED: 'Shared when you choose', REVEALED: 'Revealed together' };

export function exerciseCard({ me, sessionId, observer = false, announce }) {
    const title = h('h2', { id: 'exercise-title' }, 'The exercise');
    const purpose = h('p', { class: 'hint' });
    const pausedNote = h('p', { class: 'notice paused', role: 'status', hidden: true }, 'The session is paused. Nothing can be written until it resumes.');
    const pauseButton = h('button', { class: 'button', type: 'button', hidden: true }, 'Pause');
    const pauseProblem = problemBox();
    const steps = h('ol', { class: 'steps', 'aria-label': 'Steps' });
    const panel = h('section', { class: 'step-panel stack', 'aria-live': 'off' });
    const acts = h('div', { class: 'stack acts' });
    const outcome = h('section', { class: 'card stack outcome', hidden: true, 'aria-labelledby': 'outcome-title' });
    let loop = null;
    const loopSlot = h('div');

    const el = h('div', { class: 'stack exercise' },
        h('section', { class: 'card stack exercise-card', 'aria-labelledby': 'exercise-title' },
            h('div', { class: 'exercise-head' }, h('div', {}, title, purpose), h('div', { class: 'row-actions' }, pauseButton)),
            pauseProblem, pausedNote, steps, panel),
        acts, loopSlot, outcome);

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
    const active = () => !observer && view?.status === 'RUNNING' && me_()?.present && !view?.paused;
    const stepGuide = (key) => guide?.steps.find((s) => s.key === key);

    function update(next) {
        const before = view;
        view = next;
        guides?.then((all) => {
            guide = all.find((g) => g.exercise === view.exercise);
            render(before);
        });
    }

    function render(before) {
        if (!guide) {
            return;
        }
        title.textContent = guide.title;
        purpose.textContent = guide.purpose;
        const running = view.status === 'RUNNING';
        pausedNote.hidden = !view.paused || !running;
        pauseButton.hidden = !running || (!observer && !me_()?.present) || (observer && !view.observers?.length);
        pauseButton.textContent = view.paused ? 'Resume' : 'Pause';
        current ??= me_()?.step ?? guide.steps[0].key;
        renderSteps();
        renderPanel();
        renderActs();
        renderLoop();
        renderOutcome();
        if (before) {
            announceChanges(before, view);
        }
    }

    function renderSteps() {
        const list = guide.steps.filter((s) => s.key !== 'notes');
        renderList(steps, list, {
            key: (s) => s.key,
            signature: (s) => JSON.stringify([s.key, current, view.partners.map((p) => [p.step, p.present]), progress(s.key)]),
            render: (s) => {
                const here = view.partners.filter((p) => p.step === s.key && p.present).map((p) => nameOf(p.partnerId));
                const state = progress(s.key);
                const button = h('button', { type: 'button', class: 'step-button', 'aria-current': s.key === current ? 'step' : null },
                    h('span', { class: 'step-title' }, s.title),
                    h('span', { class: 'step-meta small' }, SHARING_BADGE[s.sharing],
                        state?.revealedAt ? ' · revealed' : state?.submittedBy?.length ? ` · ${state.submittedBy.length} of 2 ready` : ''),
                    here.length ? h('span', { class: 'step-here small' }, here.join(' and '), here.length === 1 && here[0] === 'You' ? ' are here' : ' here') : null);
                button.addEventListener('click', () => goTo(s.key));
                return h('li', {}, button);
            },
        });
    }

    function progress(key) {
        return view.steps?.find((s) => s.key === key);
    }

    async function goTo(key) {
        current = key;
        render();
        panel.querySelector('h3')?.focus();
        if (!observer && view.status === 'RUNNING' && me_()?.present) {
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
        const state = progress(current) ?? { submittedBy: [] };
        const mine = drafts.filter((d) => d.step === current);
        const shown = (view.entries ?? []).filter((e) => e.step === current);
        const submitted = state.submittedBy?.includes(me);
        const form = active() && !state.revealedAt && !submitted
            ? (editing?.step === current ? editing.el : newEntryForm(step)) : null;

        stepTitle.textContent = step.title;
        stepPrompt.textContent = step.prompt;
        stepHelp.textContent = step.help;
        stepPrivacy.className = `privacy ${step.sharing === 'OWN' ? 'only-you' : 'shared'}`;
        stepPrivacy.textContent = step.sharingNote;
        if (formSlot.firstElementChild !== form) {
            fill(formSlot, form);
        }
        const revealBox = step.sharing === 'REVEALED' ? revealArea(step, state, mine, submitted) : null;
        fill(restSlot,
            !active() && !observer && view.status === 'RUNNING' && h('p', { class: 'hint' },
                view.paused ? 'Paused for now.' : 'Join the session to write here.'),
            mine.length > 0 && h('div', { class: 'stack' }, h('h4', {}, 'Only you can see these yet'),
                h('ol', { class: 'drafts' }, mine.map((d) => myEntry(step, d, submitted)))),
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
        const parts = formParts(kind, step, draft);
        const cancel = draft ? h('button', { class: 'button quiet', type: 'button' }, 'Stop editing') : null;
        const form = h('form', { class: 'stack entry-form', 'aria-label': draft ? 'Edit your answer' : 'Your answer' },
            parts.el, box,
            h('div', { class: 'row-actions' }, h('button', { class: 'button primary', type: 'submit' }, draft ? 'Save changes' : 'Save privately'), cancel));
        cancel?.addEventListener('click', () => {
            editing = null;
            renderPanel();
        });
        onSubmit(form, async () => {
            const entryId = draft?.entryId ?? newEntryId();
            const body = { step: step.key, ...parts.value() };
            await put(`sessions/${sessionId}/${PUT_PATHS[kind]}/${entryId}`, body);
            announce(step.sharing === 'OWN' ? 'Saved. Only you will ever see this.' : 'Saved. Only you can see it for now.');
            if (draft) {
                editing = null;
            } else {
                parts.reset();
            }
            await loadDrafts((found) => found.some((d) => d.entryId === entryId && JSON.stringify(d.writtenAt) !== JSON.stringify(draft?.writtenAt)));
        });
        return form;
    }

    function formParts(kind, step, draft) {
        const d = draft?.details ?? {};
        const id = (name) => `entry-${name}`;
        if (kind === 'CYCLE_LINK') {
            const links = ['TRIGGER', 'SECONDARY_EMOTION', 'PERCEPTION', 'BEHAVIOUR', 'PRIMARY_EMOTION', 'UNMET_NEED'];
            const link = field({ id: id('link'), name: 'link', label: 'Which link', control: 'select',
                options: links.map((l) => h('option', { value: l, selected: (d.link ?? step.link) === l }, labels[`link.${l}`] ?? l)) });
            const select = link.querySelector('select');
            link.hidden = Boolean(step.link);
            const moves = ['CRITICISE', 'PURSUE', 'PLACATE', 'WITHDRAW', 'SHUT_DOWN'];
            const move = field({ id: id('move'), name: 'move', label: 'What kind of move was it?', control: 'select',
                options: moves.map((m) => h('option', { value: m, selected: d.move === m }, labels[`move.${m}`] ?? m)) });
            const showMove = () => {
                move.hidden = select.value !== 'BEHAVIOUR';
            };
            select.addEventListener('change', showMove);
            showMove();
            const strength = range({ id: id('intensity'), name: 'intensity', label: 'How strong was it?', min: 1, max: 10, value: d.intensity ?? 5,
                describe: (v) => `${v} of 10` });
            const words = countedText({ id: id('words'), name: 'words', label: 'In your words', max: 1000, rows: 3, required: true });
            words.set(draft?.text ?? '');
            return {
                el: [link, words.el, strength.el, move],
                value: () => ({ link: select.value, intensity: Number(strength.input.value), words: words.textarea.value,
                    move: select.value === 'BEHAVIOUR' ? move.querySelector('select').value : null }),
                reset: () => words.reset(),
            };
        }
        if (kind === 'BEHAVIOUR') {
            const words = countedText({ id: id('words'), name: 'words', label: 'Something your partner could do', max: 500, rows: 2, required: true });
            words.set(draft?.text ?? '');
            const size = range({ id: id('size'), name: 'size', label: 'How big a step is it?', min: 1, max: 5, value: d.size ?? 2,
                describe: (v) => ['', 'tiny', 'small', 'medium', 'large', 'big'][v] });
            return { el: [words.el, size.el], value: () => ({ words: words.textarea.value, size: Number(size.input.value) }),
                reset: () => words.reset() };
        }
        if (kind === 'NEED') {
            const need = choice({ name: 'need', legend: 'What do you need more of?', value: d.need ?? 'CLOSENESS',
                options: [['CLOSENESS', labels['need.CLOSENESS'] ?? 'More closeness'], ['SPACE', labels['need.SPACE'] ?? 'More space']] });
            const words = countedText({ id: id('words'), name: 'words', label: 'Say it as a wish, without blame', max: 1000, rows: 3, required: true });
            words.set(draft?.text ?? '');
            const reassurance = countedText({ id: id('reassurance'), name: 'reassurance', label: 'What stays true while you are apart',
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
            const needs = (view.entries ?? []).filter((e) => e.kind === 'NEED' && e.authorId !== me);
            const answers = field({ id: id('need'), name: 'needEntryId', label: 'Which need you answer', control: 'select',
                options: needs.map((n) => h('option', { value: n.entryId, selected: d.answersEntryId === n.entryId }, n.text)) });
            const words = countedText({ id: id('words'), name: 'words', label: 'Your reassurance', max: 1000, rows: 3, required: true });
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
        const text = countedText({ id: id('text'), name: 'text', label: 'Your answer', max: 4000, rows: 4, required: true });
        text.set(draft?.text ?? '');
        return { el: [text.el], value: () => ({ text: text.textarea.value }), reset: () => text.reset() };
    }

    function myEntry(step, draft, submitted) {
        const box = problemBox();
        const canChange = active() && !submitted && !progress(step.key)?.revealedAt;
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
        return h('li', { class: 'draft' }, entryBody(draft.kind, draft.text, draft.details),
            h('p', { class: 'muted small' }, 'Saved ', when(draft.writtenAt), draft.submitted ? ' · submitted' : ' · only you'),
            h('div', { class: 'row-actions' }, edit, share), box);
    }

    function revealArea(step, state, mine, submitted) {
        const box = problemBox();
        const partnerReady = state.submittedBy?.includes(other()?.partnerId);
        const submit = active() && !submitted && mine.length > 0 && h('button', { class: 'button primary', type: 'button' }, 'I am done: submit my answers');
        if (submit) {
            onPress(submit, box, async () => {
                await command(`sessions/${sessionId}/steps/${step.key}/submit`);
                announce(partnerReady ? 'Submitted. You can reveal both answers now.' : 'Submitted. Waiting for your partner.');
            });
        }
        const bothReady = state.submittedBy?.length === 2 && !state.revealedAt;
        const reveal = !observer && view.status === 'RUNNING' && !view.paused && bothReady
            && h('button', { class: 'button primary', type: 'button' }, 'Reveal both answers');
        if (reveal) {
            onPress(reveal, box, () => command(`sessions/${sessionId}/steps/${step.key}/reveal`));
        }
        const readiness = (p) => `${nameOf(p.partnerId)} ${state.submittedBy?.includes(p.partnerId) ? 'is ready' : 'is not ready yet'}`;
        const status = state.revealedAt ? 'Both answers were revealed at the same moment.'
            : bothReady ? (observer ? 'Both partners are ready.' : 'You are both ready.')
                : observer ? `${view.partners.map(readiness).join('; ')}. Nobody sees an answer before the reveal.`
                    : `${submitted ? 'You are ready' : 'You are not ready yet'}; ${readiness(other())}. Neither of you sees the other's answer before the reveal.`;
        return h('div', { class: 'reveal-box stack' }, h('p', { role: 'status' }, status), h('div', { class: 'row-actions' }, submit, reveal), box);
    }

    function sharedEntry(entry) {
        return h('li', { class: `entry ${entry.authorId === me ? 'from-me' : ''}` },
            h('p', { class: 'bid-head' }, h('strong', {}, nameOf(entry.authorId)), ' · ', when(entry.sharedAt)),
            entryBody(entry.kind, entry.text, entry.details));
    }

    function entryBody(kind, text, details = {}) {
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
            text ? h('p', { class: 'entry-text' }, text) : null,
            details.reassurance ? h('p', { class: 'entry-text muted' }, 'And: ', details.reassurance) : null);
    }

    // --- acts ----------------------------------------------------------------------------------

    function renderActs() {
        const done = (view.moves?.length ?? 0) + (view.pacts?.length ?? 0) + (view.babySteps?.length ?? 0) > 0;
        const here = (ACT_STEPS[view.exercise] ?? []).includes(current);
        const offered = new Set(here || done || observer ? guide.acts ?? [] : []);
        const parts = [];
        if (offered.has('SOFTENING') || offered.has('REENGAGEMENT')) {
            parts.push(movesCard(offered));
        }
        if (offered.has('BABY_STEP')) {
            parts.push(babyStepsCard());
        }
        if (offered.has('LET_GO')) {
            parts.push(letGoCard());
        }
        // Rebuilding would detach the field someone is typing in; the next push brings the card up to date.
        const focused = acts.contains(document.activeElement) && ['TEXTAREA', 'INPUT'].includes(document.activeElement.tagName);
        if (!focused) {
            fill(acts, parts);
        }
    }

    /** Each act's form is built once, so what someone typed survives the pushes that rebuild the card. */
    const actForms = new Map();
    function actForm(act) {
        if (!actForms.has(act)) {
            const words = countedText({ id: `act-${act}`, name: 'words', label: labels[`act.${act}`] ?? act, max: 1000, rows: 2, required: true });
            const form = h('form', { class: 'stack' }, words.el, problemBox(),
                h('button', { class: 'button primary', type: 'submit' }, 'Say it to my partner'));
            onSubmit(form, async () => {
                await command(`sessions/${sessionId}/${act === 'SOFTENING' ? 'softenings' : 'reengagements'}`, { words: words.textarea.value.trim() });
                words.reset();
            });
            actForms.set(act, form);
        }
        return actForms.get(act);
    }

    function movesCard(offered) {
        const forms = active() ? [...offered].filter((a) => a === 'SOFTENING' || a === 'REENGAGEMENT').map(actForm) : [];
        const moves = view.moves ?? [];
        return h('section', { class: 'card stack moves-card', 'aria-labelledby': 'moves-title' },
            h('h2', { id: 'moves-title' }, 'Softer words'),
            h('p', { class: 'hint' }, 'When the loop loosens, one of you may say the softer thing behind the usual move, or let the other in instead of pulling away. Your partner sees it at once.'),
            forms,
            moves.length === 0 ? h('p', { class: 'muted' }, 'Nothing said here yet.') : h('ol', { class: 'entries' }, moves.map((move) => moveItem(move))));
    }

    function moveItem(move) {
        const box = problemBox();
        const confirmed = move.confirmedBy?.length > 0;
        const confirmButton = observer && !confirmed && view.status === 'RUNNING'
            && h('button', { class: 'button', type: 'button' }, `Confirm as ${move.change === 'BLAMER_SOFTENING' ? 'a softening' : 'a re-engagement'}`);
        if (confirmButton) {
            onPress(confirmButton, box, () => command(`sessions/${sessionId}/moves/${move.moveId}/confirm`));
        }
        return h('li', { class: `entry ${move.partnerId === me ? 'from-me' : ''}` },
            h('p', { class: 'bid-head' }, h('strong', {}, nameOf(move.partnerId)), ' · ', labels[`change.${move.change}`] ?? move.change, ' · ', when(move.voicedAt)),
            h('p', { class: 'entry-text' }, move.words),
            confirmed && h('p', { class: 'privacy shared' }, 'Confirmed by your therapist as a turning point'),
            confirmButton, box);
    }

    const smallerSteps = new Map();     // by behaviour entry id: { open, words }

    function babyStepsCard() {
        const behaviours = (view.entries ?? []).filter((e) => e.kind === 'BEHAVIOUR');
        const theirs = behaviours.filter((e) => e.authorId !== me).sort((a, b) => (a.details?.size ?? 0) - (b.details?.size ?? 0));
        const mine = behaviours.filter((e) => e.authorId === me);
        const taken = (e) => (view.babySteps ?? []).find((b) => b.behaviourEntryId === e.entryId && b.listedBy === e.authorId);
        return h('section', { class: 'card stack baby-steps-card', 'aria-labelledby': 'baby-title' },
            h('h2', { id: 'baby-title' }, 'Baby steps'),
            h('p', { class: 'hint' }, observer ? 'What each partner listed, and what the other took up.'
                : 'Pick from your partner’s list what you are willing to do, easiest first. If something is too big for now, offer a smaller step.'),
            theirs.length === 0 ? h('p', { class: 'muted' }, 'The lists appear here once both are revealed.')
                : h('ol', { class: 'entries' }, theirs.map((e) => babyStepItem(e, taken(e)))),
            !observer && mine.length > 0 && h('h3', {}, 'Your list, as your partner sees it'),
            !observer && mine.length > 0 && h('ol', { class: 'entries' }, mine.map((e) => babyStepItem(e, taken(e)))));
    }

    function babyStepItem(entry, taken) {
        const box = problemBox();
        const mineToTake = entry.authorId !== me && !observer && active();
        const actions = [];
        if (mineToTake && !taken) {
            const choose = h('button', { class: 'button primary', type: 'button' }, 'I will do this');
            onPress(choose, box, () => command(`sessions/${sessionId}/baby-steps/${entry.entryId}/choose`));
            // Kept across pushes: what was typed, and whether the box was open.
            if (!smallerSteps.has(entry.entryId)) {
                smallerSteps.set(entry.entryId, {
                    open: false,
                    words: countedText({ id: `smaller-${entry.entryId}`, name: 'words', label: 'Not yet, but I am willing to…', max: 1000, rows: 2 }),
                });
            }
            const smaller = smallerSteps.get(entry.entryId);
            const offer = h('button', { class: 'button', type: 'button' }, 'Offer this smaller step');
            onPress(offer, box, () => command(`sessions/${sessionId}/baby-steps/${entry.entryId}/smaller-step`, { words: smaller.words.textarea.value.trim() }));
            const details = h('details', { open: smaller.open }, h('summary', {}, 'Too big for now?'), smaller.words.el, offer);
            details.addEventListener('toggle', () => {
                smaller.open = details.open;
            });
            actions.push(choose, details);
        } else if (mineToTake && taken?.takenUpBy === me && !taken.committed) {
            const commit = h('button', { class: 'button primary', type: 'button' }, 'I commit to it');
            onPress(commit, box, () => command(`sessions/${sessionId}/baby-steps/${entry.entryId}/commit`));
            actions.push(commit);
        }
        const status = !taken ? null : taken.smallerStep
            ? `${nameOf(taken.takenUpBy)} offered a smaller step: “${taken.smallerStep}”`
            : `${nameOf(taken.takenUpBy)} will do this`;
        return h('li', { class: 'entry' }, entryBody('BEHAVIOUR', entry.text, entry.details),
            status && h('p', { class: 'privacy shared' }, status, taken.committed ? ' · committed' : ''),
            h('div', { class: 'row-actions' }, actions), box);
    }

    let letGoForm = null;
    function letGoCard() {
        const box = problemBox();
        if (!letGoForm) {
            const words = countedText({ id: 'let-go-words', name: 'words', label: 'An old hurt you are ready to put down', max: 1000, rows: 2, required: true });
            letGoForm = h('form', { class: 'stack' }, words.el, problemBox(), h('button', { class: 'button', type: 'submit' }, 'Propose letting it go'));
            onSubmit(letGoForm, async () => {
                await command(`sessions/${sessionId}/let-go`, { words: words.textarea.value.trim() });
                words.reset();
            });
        }
        const form = active() ? letGoForm : null;
        const pacts = view.pacts ?? [];
        return h('section', { class: 'card stack let-go-card', 'aria-labelledby': 'let-go-title' },
            h('h2', { id: 'let-go-title' }, 'Letting go'),
            h('p', { class: 'hint' }, 'One of you proposes; the pact holds when the other agrees.'),
            form,
            pacts.length === 0 ? h('p', { class: 'muted' }, 'No pact proposed yet.') : h('ol', { class: 'entries' }, pacts.map((pact) => {
                const agree = active() && !pact.agreedBy && pact.proposedBy !== me && h('button', { class: 'button primary', type: 'button' }, 'Agree to let it go');
                if (agree) {
                    onPress(agree, box, () => command(`sessions/${sessionId}/let-go/${pact.pactId}/agree`));
                }
                return h('li', { class: 'entry' },
                    h('p', { class: 'bid-head' }, h('strong', {}, nameOf(pact.proposedBy)), ' proposed · ', when(pact.proposedAt)),
                    h('p', { class: 'entry-text' }, pact.words),
                    pact.agreedBy ? h('p', { class: 'privacy shared' }, 'Let go, together') : h('p', { class: 'muted small' }, 'Waiting for agreement'),
                    agree);
            })),
            box);
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

    function renderOutcome() {
        const result = view.outcome;
        outcome.hidden = !result;
        if (!result) {
            return;
        }
        const line = (n, one, many) => (n > 0 ? h('li', {}, `${n} ${n === 1 ? one : many}`) : null);
        fill(outcome,
            h('h2', { id: 'outcome-title', tabindex: -1 }, 'What this session came to'),
            h('p', {}, `It lasted ${result.minutes} minute${result.minutes === 1 ? '' : 's'}`,
                result.endedBy ? `, and ${nameOf(result.endedBy) === 'You' ? 'you' : nameOf(result.endedBy)} ended it.` : '.'),
            h('ul', {},
                line(result.stepsRevealed.length, 'step revealed together', 'steps revealed together'),
                line(result.entriesShared, 'answer shared', 'answers shared'),
                line(result.softenings, 'softening', 'softenings'),
                line(result.reengagements, 're-engagement', 're-engagements'),
                line(result.changeEventsConfirmed, 'turning point confirmed by your therapist', 'turning points confirmed by your therapist'),
                line(result.babyStepsCommitted, 'baby step committed to', 'baby steps committed to'),
                line(result.resentmentsReleased, 'resentment let go', 'resentments let go'),
                line(result.bidsTurnedToward, 'bid turned toward', 'bids turned toward')),
            h('p', { class: 'hint' }, 'Everything shared stays here for both of you to look back on.'));
    }

    function announceChanges(before, after) {
        const partner = after.partners.find((p) => p.partnerId !== me);
        const was = before.partners.find((p) => p.partnerId === partner?.partnerId);
        if (partner && was && partner.step !== was.step && partner.step) {
            announce(`${partner.displayName} moved to ${stepGuide(partner.step)?.title ?? 'another step'}.`);
        }
        for (const step of after.steps ?? []) {
            const old = before.steps?.find((s) => s.key === step.key);
            if (step.revealedAt && !old?.revealedAt) {
                announce(`${stepGuide(step.key)?.title ?? 'A step'}: both answers are revealed.`);
            } else if ((step.submittedBy?.length ?? 0) > (old?.submittedBy?.length ?? 0) && !step.submittedBy.includes(me)) {
                announce(`${partner?.displayName ?? 'Your partner'} is ready at ${stepGuide(step.key)?.title ?? 'a step'}.`);
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
        if (observer) {
            return;
        }
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
        },
    };
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
