// A partner's "Your therapist" card: invite a therapist by their code, consent to the one the other
// partner invited, withdraw consent. A therapist sees the couple only while both partners consent.
import { command, Problem } from '../api.js';
import { fill, h, named, renderList } from '../dom.js';
import { field, onPress, onSubmit, problemBox } from '../forms.js';

export function therapistsCard({ me, coupleId, announce }) {
    const list = h('ul', { class: 'therapists' });
    const none = h('p', { class: 'muted' }, 'No therapist yet.');
    const consentHint = h('p', { class: 'hint', id: 'invite-therapist-hint' });

    const form = h('form', { class: 'stack', 'aria-labelledby': 'invite-therapist-title' },
        h('h3', { id: 'invite-therapist-title' }, 'Invite a therapist'),
        field({ id: 'therapist-code', name: 'therapistCode', label: 'Therapist’s code', required: true, maxlength: 64, autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters',
            hint: 'The code your therapist gave you, such as K7QF-2MZD. They find it on their own Duet page.' }),
        field({ id: 'therapist-name', name: 'therapistName', label: 'Their name, as you call them (you may leave it empty)',
            hint: 'Left empty, you both see the name they gave Duet.', maxlength: 60, autocomplete: 'off' }),
        consentHint,
        problemBox(),
        h('button', { class: 'button', type: 'submit', 'aria-describedby': 'invite-therapist-hint' }, 'Invite'));
    onSubmit(form, async (data) => {
        const therapistName = data.get('therapistName').trim();
        const therapistCode = data.get('therapistCode').trim();
        if (!/^[A-Za-z0-9 -]{1,64}$/.test(therapistCode)) {
            throw new Problem(400, { detail: 'A therapist’s code has only letters, digits and dashes. Please check it against the one you were given.',
                errors: [{ field: 'therapistCode' }] });
        }
        await command(`couples/${coupleId}/therapists`, { therapistCode, therapistName });
        form.reset();
        announce(`${therapistName || 'Your therapist'} is invited. They see nothing until your partner consents too.`);
    });

    // With a therapist listed, inviting another one waits behind a disclosure; without one, the form is open.
    const more = h('details', { class: 'more' }, h('summary', {}, 'Invite another therapist'));
    const slot = h('div', {}, form);
    const el = h('section', { class: 'card stack', 'aria-labelledby': 'therapists-title' },
        h('h2', { id: 'therapists-title', tabindex: -1 }, 'Your therapist'),
        h('p', { class: 'muted' }, 'A therapist you both invite can watch your sessions and read what you share in them. '
            + 'They see nothing until both of you consent, and either of you can withdraw at any time.'),
        none, list, slot, more);

    let shown = null;
    let focusAfter = null;      // the therapist whose item this partner just acted on: focus follows it

    async function acting(therapistId, action) {
        focusAfter = therapistId;
        try {
            await action();
        } catch (problem) {
            focusAfter = null;
            throw problem;
        }
    }

    function update(view) {
        const other = view.partners.find((p) => p.partnerId !== me);
        const otherName = other?.displayName ?? 'your partner';
        const therapists = view.therapists ?? [];
        none.hidden = therapists.length > 0;
        const home = therapists.length > 0 ? more : slot;
        if (form.parentElement !== home && !form.contains(document.activeElement)) {
            home.append(form);
        }
        more.hidden = !more.contains(form);
        fill(consentHint, named`Inviting is your consent. Your therapist sees nothing until ${otherName} consents too.`);
        const built = renderList(list, therapists, {
            key: (t) => t.therapistId,
            signature: (t) => JSON.stringify([t, otherName]),
            render: (t) => therapistItem(t, { me, coupleId, otherName, acting }),
        });
        if (focusAfter) {
            const item = built.find((li) => li.dataset.key === focusAfter);
            if (item || !therapists.some((t) => t.therapistId === focusAfter)) {
                (item ?? el.querySelector('h2')).focus();
                focusAfter = null;
            }
        }
        if (shown) {
            announceChanges(shown.therapists ?? [], therapists, otherName);
        }
        shown = view;
    }

    function announceChanges(before, after, otherName) {
        const old = new Map(before.map((t) => [t.therapistId, t]));
        for (const t of after) {
            const was = old.get(t.therapistId);
            if (!was && t.invitedBy !== me) {
                announce(`${otherName} invited ${t.therapistName}. They see nothing unless you consent too.`);
            } else if (was?.access === 'INVITED' && t.access === 'ACTIVE') {
                announce(`${t.therapistName} can now see your sessions.`);
            }
            old.delete(t.therapistId);
        }
        old.forEach((t) => announce(`${t.therapistName} no longer has access.`));
    }

    return { el, update };
}

/** This partner consents to a therapist the other partner invited (the couple's Today asks too). */
export function consentTo(coupleId, therapist) {
    return command(`couples/${coupleId}/therapists/${encodeURIComponent(therapist.therapistId)}/consent`);
}

/** The therapists the other partner invited who wait for this partner's consent. */
export function awaitingConsent(view, me) {
    return (view.therapists ?? []).filter((t) => t.access === 'INVITED' && t.invitedBy !== me);
}

function therapistItem(therapist, { me, coupleId, otherName, acting }) {
    const name = therapist.therapistName;
    const box = problemBox();
    const actions = h('div', { class: 'row-actions' });
    let status;
    if (therapist.access === 'ACTIVE') {
        status = h('p', { class: 'status active' }, 'Both of you consented: they can see your sessions.');
    } else if (therapist.invitedBy === me) {
        status = h('p', { class: 'status waiting' }, 'Waiting for your partner’s consent.');
    } else {
        status = h('p', { class: 'status waiting' }, named`${otherName} invited them. They see nothing unless you consent too.`);
        const consent = h('button', { class: 'button primary', type: 'button', 'aria-label': `Consent to ${name}` }, 'Consent');
        onPress(consent, box, () => acting(therapist.therapistId, () => consentTo(coupleId, therapist)));
        actions.append(consent);
    }
    const withdraw = h('button', { class: 'button quiet danger', type: 'button', 'aria-label': `Withdraw consent for ${name}` }, 'Withdraw consent');
    onPress(withdraw, box, async () => {
        const live = therapist.access === 'ACTIVE'
            ? 'Their access ends at once, including anything they are watching live.'
            : 'The invitation ends, and they never see your couple.';
        if (confirm(`Withdraw consent for ${name}?\n\n${live} To work with them later, one of you invites them anew and both of you consent again.`)) {
            await acting(therapist.therapistId,
                () => command(`couples/${coupleId}/therapists/${encodeURIComponent(therapist.therapistId)}/withdraw`));
        }
    });
    actions.append(withdraw);
    return h('li', { class: `therapist ${therapist.access.toLowerCase()}`, tabindex: -1 },
        h('p', { class: 'therapist-name' }, h('strong', {}, name)),
        status, actions, box);
}
