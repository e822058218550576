// The form posts straight to the issuer; this only adds its CSRF token and explains a refusal. The
// button stays disabled until the token is in the form: a form sent without it would be refused (403).
const problems = {
    wrong: 'That e-mail address and password do not match an account.',
    locked: 'Too many wrong passwords from here. Please wait a few minutes, then try again.',
};

const reason = new URLSearchParams(location.search).get('error');
if (reason !== null) {
    const box = document.getElementById('problem');
    box.textContent = problems[reason] ?? problems.wrong;
    box.hidden = false;
}

async function prepare() {
    try {
        const response = await fetch('/api/identity/csrf', { credentials: 'same-origin' });
        if (response.ok) {
            document.getElementById('csrf').value = (await response.json()).token;
            document.getElementById('sign-in').disabled = false;
            return;
        }
    } catch {
        // Shown below.
    }
    const box = document.getElementById('problem');
    box.textContent = 'Signing in could not be prepared just now. Please reload this page.';
    box.hidden = false;
}

// "Forgot your password?" only where Duet sends mail: the new password comes by a mailed link.
async function offerReset() {
    try {
        const response = await fetch('/api/identity/settings', { headers: { Accept: 'application/json' } });
        document.getElementById('forgot').hidden = !(response.ok && (await response.json()).mail);
    } catch {
        // Without the answer, the link stays hidden: signing in works all the same.
    }
}

await Promise.all([prepare(), offerReset()]);
