// Asks for a mailed link to choose a new password. The answer is the same for any address.
import { postJson, say } from './issuer-forms.js';

const form = document.getElementById('ask');
form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = document.getElementById('send');
    button.disabled = true;
    document.getElementById('problem').hidden = true;
    try {
        const answer = await postJson('/api/identity/password-resets', { email: document.getElementById('email').value.trim() });
        say(document.getElementById('sent'), answer.detail);
        form.hidden = true;
    } catch (refused) {
        say(document.getElementById('problem'), refused.message);
        button.disabled = false;
    }
});
