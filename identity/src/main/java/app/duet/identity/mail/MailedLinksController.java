package app.duet.identity.mail;

import app.duet.api.access.Role;
import app.duet.identity.account.AcceptablePassword;
import app.duet.identity.account.Account;
import app.duet.identity.account.AccountStore;
import app.duet.identity.signin.SessionSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

/**
 * What the mailed links lead to: confirming an address (the account opens, and its owner is signed
 * in), asking for a new password (answered alike for any address), and choosing it. Each link works
 * once. The issuer's pages {@code /identity/verify.html} and {@code /identity/reset.html} call these.
 */
@RestController
class MailedLinksController {

    private static final String SPENT = "This link does not work any more: it was used already, or it is too old. ";

    private final SignUpByMail signUps;
    private final MailedLinks links;
    private final AccountMail mail;
    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final SessionSignIn sessions;

    MailedLinksController(SignUpByMail signUps, MailedLinks links, AccountMail mail, AccountStore accounts,
                          PasswordEncoder passwords, SessionSignIn sessions) {
        this.signUps = signUps;
        this.links = links;
        this.mail = mail;
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    /** What the issuer's pages offer: "Forgot your password?" only where Duet sends mail. */
    @GetMapping("/api/identity/settings")
    Map<String, Boolean> settings() {
        return Map.of("mail", mail.isOn());
    }

    record Confirmation(@NotBlank(message = "This link is not complete. Please open it from the mail again.")
                        @Size(max = 100, message = "This link is not complete. Please open it from the mail again.") String token) {
    }

    record Opened(String accountId, String displayName, Role role, boolean signedIn) {
    }

    @PostMapping("/api/identity/verifications")
    @ResponseStatus(HttpStatus.CREATED)
    Opened confirm(@Valid @RequestBody Confirmation request, HttpServletRequest http, HttpServletResponse response) {
        Account account = signUps.confirm(request.token())
                .orElseThrow(() -> refused(SPENT + "Open an account again to get a new one, or sign in if it is open already."));
        sessions.signInByMailedLink(account.email(), http, response);
        return new Opened(account.accountId(), account.displayName(), account.role(), true);
    }

    record ResetRequest(@NotBlank(message = "Please enter your e-mail address.")
                        @Email(message = "That does not look like an e-mail address. Please check it.")
                        @Size(max = 254, message = "An e-mail address has at most 254 characters.") String email) {
    }

    @PostMapping("/api/identity/password-resets")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> askForReset(@Valid @RequestBody ResetRequest request) {
        if (!mail.isOn()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "This Duet sends no mail, so a password cannot be reset by mail here. Please ask whoever runs it."), null);
        }
        accounts.byEmail(request.email()).ifPresent(account -> mail.passwordResetLink(account.email(),
                links.passwordReset(account.accountId(), Instant.now().plus(mail.settings().resetLinkValidFor()))));
        return Map.of("detail", "If an account uses this address, we sent it a link to choose a new password.");
    }

    record NewPassword(@NotBlank(message = "This link is not complete. Please open it from the mail again.")
                       @Size(max = 100, message = "This link is not complete. Please open it from the mail again.") String token,
                       @AcceptablePassword String password) {
    }

    /** The new password holds at once; every earlier sign-in ends, and this browser is signed in anew. */
    @PostMapping("/api/identity/passwords")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void choosePassword(@Valid @RequestBody NewPassword request, HttpServletRequest http, HttpServletResponse response) {
        Account account = links.takePasswordReset(request.token()).flatMap(accounts::byId)
                .orElseThrow(() -> refused(SPENT + "Ask for a new one from the sign-in page."));
        accounts.changePassword(account, passwords.encode(request.password()));
        sessions.signInByPassword(account.email(), http, response);
    }

    private static ErrorResponseException refused(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("reason", "link-spent");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
