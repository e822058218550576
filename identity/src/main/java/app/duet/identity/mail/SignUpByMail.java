package app.duet.identity.mail;

import app.duet.api.access.Role;
import app.duet.identity.account.Account;
import app.duet.identity.account.AccountStore;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Opening an account where Duet sends mail: the account waits until the link mailed to its address
 * is followed; an address that already has an account gets a word saying so instead. Either way one
 * mail goes out and the person is told the same, so the form reveals no account.
 */
@Service
public class SignUpByMail {

    private final MailedLinks links;
    private final AccountMail mail;
    private final AccountStore accounts;

    SignUpByMail(MailedLinks links, AccountMail mail, AccountStore accounts) {
        this.links = links;
        this.mail = mail;
        this.accounts = accounts;
    }

    public void ask(String email, String passwordHash, String displayName, Role role) {
        if (accounts.byEmail(email).isPresent()) {
            mail.alreadyHasAnAccount(email);
            return;
        }
        String token = links.pendingSignUp(new MailedLinks.PendingSignUp(email, passwordHash, displayName, role),
                Instant.now().plus(mail.settings().signUpLinkValidFor()));
        mail.signUpLink(email, token);
    }

    /** The account the link opens, or empty when the link is unknown, spent, expired, or its address taken since. */
    Optional<Account> confirm(String token) {
        return links.takePendingSignUp(token).flatMap(pending -> {
            Account account = new Account(UUID.randomUUID().toString(), pending.email(), pending.passwordHash(),
                    pending.displayName(), pending.role(), Instant.now());
            return accounts.add(account) ? Optional.of(account) : Optional.empty();
        });
    }
}
