// A partner's Today: what needs them now. A therapist waiting for their consent (a banner, first),
// a session running to join, the invitation while their partner is not here yet, starting a session,
// and what waits between sessions: homework not done yet and their own baby steps.
import { fill, h, named, renderList } from '../dom.js';
import { onPress, problemBox } from '../forms.js';
import { awaitingConsent, consentTo } from '../consent/couple-therapists.js';
import { onDay } from '../commitment/commitments.js';
import { partnerName } from '../words.js';
import { runningSessions, startForm } from './sessions.js';

export function todayParts({ me, coupleId, invitationCode, announce }) {
    const partners = h('ul', { class: 'people', 'aria-label': 'Partners' });
    const consents = h('div', { class: 'stack consent-banners' });
    const invite = h('div', { class: 'invite-slot' });
    const running = runningSessions();
    const start = startForm({ coupleId });
    const waiting = waitingForYou({ me });
    showInvitation(invite, invitationCode, announce);

    const el = h('div', { class: 'screen' },
        consents, partners, running.el, invite,
        h('div', { class: 'grid two' }, start.el, waiting.el));

    return {
        el,
        update(view) {
            fill(partners, view.partners.map((p) => h('li', { class: 'person' },
                h('span', { class: 'avatar', 'aria-hidden': 'true' }, initial(p.displayName)),
                h('span', { dir: 'auto' }, partnerName(p.displayName), p.partnerId === me && h('span', { class: 'you' }, ' (you)')))));
            const other = partnerName(view.partners.find((p) => p.partnerId !== me)?.displayName);
            renderList(consents, awaitingConsent(view, me), {
                key: (t) => t.therapistId,
                signature: (t) => JSON.stringify([t, other]),
                render: (t) => consentBanner(t, { coupleId, other, announce }),
            });
            showInvitation(invite, view.paired ? null : view.invitationCode ?? invitationCode, announce);
            running.update(view);
            start.update(view);
            waiting.update(view);
        },
    };
}

/** A therapist the other partner invited: they see nothing until this partner consents here (or on Therapist & privacy). */
function consentBanner(therapist, { coupleId, other, announce }) {
    const name = therapist.therapistName;
    const box = problemBox();
    const consent = h('button', { class: 'button primary', type: 'button', 'aria-label': `Consent to ${name}` }, 'Consent');
    onPress(consent, box, async () => {
        await consentTo(coupleId, therapist);
        announce(`${name} can now see your sessions.`);
    });
    const titleId = `consent-${therapist.therapistId}`;
    return h('section', { class: 'banner consent-banner', 'aria-labelledby': titleId },
        h('h2', { id: titleId }, named`${other} asks for your consent`),
        h('p', {}, named`${other} invited ${name} to follow your sessions as your therapist. `,
            named`${name} sees nothing of yours unless you consent too, and either of you can withdraw at any time.`),
        h('div', { class: 'row-actions' }, consent, h('a', { class: 'button quiet', href: '#/privacy' }, 'Read more first')),
        box);
}

/** Homework this partner has not done yet, and the baby steps they committed to, with the way to them. */
function waitingForYou({ me }) {
    const list = h('ul', { class: 'waiting-list' });
    const none = h('p', { class: 'muted' }, 'Nothing waits for you between sessions right now.');
    const el = h('section', { class: 'card stack waiting-card', 'aria-labelledby': 'waiting-title', hidden: true },
        h('h2', { id: 'waiting-title' }, 'Waiting for you'), none, list,
        h('a', { class: 'button', href: '#/lists' }, 'Go to everyday life'));
    return {
        el,
        update(view) {
            el.hidden = !view.paired;
            const homework = (view.homework ?? []).filter((hw) => !(hw.doneBy ?? []).includes(me));
            const steps = (view.babySteps ?? []).filter((s) => s.committedBy === me);
            none.hidden = homework.length + steps.length > 0;
            fill(list,
                homework.map((hw) => h('li', {}, h('strong', {}, 'Homework: '), h('span', { dir: 'auto' }, hw.words),
                    hw.dueOn && h('span', { class: 'muted small' }, ' · due ', onDay(hw.dueOn)))),
                steps.length > 0 && h('li', {}, h('strong', {}, 'Your baby steps: '),
                    steps.length === 1 ? 'one to say how it went' : `${steps.length} to say how they went`));
        },
    };
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
