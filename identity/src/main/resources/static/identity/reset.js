// The link mailed for a forgotten password: the new password holds at once, every earlier sign-in
// ends, and this browser is signed in with the new one.
import { linkToken, postJson, say } from './issuer-forms.js';

const token = linkToken();
const form = document.getElementById('choose');
form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = document.getElementById('save');
    button.disabled = true;
    try {
        await postJson('/api/identity/passwords', { token, password: document.getElementById('password').value });
        location.assign('/#/signed-in');
    } catch (refused) {
        say(document.getElementById('problem'), refused.message);
        button.disabled = false;
    }
});
