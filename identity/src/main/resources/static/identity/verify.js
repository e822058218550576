// The link mailed at sign-up: one press opens the account (a mail scanner that only fetches the
// link opens nothing), and the issuer then holds the person signed in, so Duet's page signs them in
// without asking for the password again.
import { linkToken, postJson, say } from './issuer-forms.js';

const token = linkToken();
const form = document.getElementById('confirm');
const problem = document.getElementById('problem');

form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = document.getElementById('open');
    button.disabled = true;
    try {
        await postJson('/api/identity/verifications', { token });
        location.assign('/#/signed-in');
    } catch (refused) {
        say(problem, refused.message);
        button.disabled = false;
    }
});
