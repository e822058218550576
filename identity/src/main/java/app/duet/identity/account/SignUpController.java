package app.duet.identity.account;

import app.duet.api.access.Role;
import app.duet.identity.mail.AccountMail;
import app.duet.identity.mail.SignUpByMail;
import app.duet.identity.signin.SessionSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Anyone may open a partner or therapist account; analyst and admin accounts are only made by
 * configuration ({@link ConfiguredAccounts}), never by sign-up. Where Duet sends no mail (standalone's
 * default) the account opens at once and the person is signed in; where it does, the account opens
 * only from the link mailed to the address, and the answer is the same whether or not the address
 * already has an account, so sign-up tells no one which addresses do.
 */
@RestController
@RequestMapping("/api/identity/accounts")
class SignUpController {

    private static final Set<Role> OPEN_ROLES = Set.of(Role.PARTNER, Role.THERAPIST);

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final AccountMail mail;
    private final SignUpByMail byMail;
    private final SessionSignIn sessions;

    SignUpController(AccountStore accounts, PasswordEncoder passwords, AccountMail mail, SignUpByMail byMail,
                     SessionSignIn sessions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.mail = mail;
        this.byMail = byMail;
        this.sessions = sessions;
    }

    record SignUpRequest(@NotBlank(message = "Please enter your e-mail address.")
                         @Email(message = "That does not look like an e-mail address. Please check it.")
                         @Size(max = 254, message = "An e-mail address has at most 254 characters.") String email,
                         @AcceptablePassword String password,
                         @NotBlank(message = "Please enter your name, as others in Duet will see it.")
                         @Size(max = 60, message = "A name has at most 60 characters.") String displayName,
                         @NotNull(message = "Please choose whether you are a partner or a therapist.") Role role) {
    }

    /** {@code signedIn}: the issuer's session holds the new account, so signing in needs no form. */
    record AccountCreated(String accountId, String displayName, Role role, boolean signedIn) {
    }

    /** The one answer where a mailed link is needed, whether or not the address has an account. */
    record CheckYourMail(String email, String detail) {
    }

    @PostMapping
    ResponseEntity<?> signUp(@Valid @RequestBody SignUpRequest request, HttpServletRequest http, HttpServletResponse response) {
        if (!OPEN_ROLES.contains(request.role())) {
            throw problem(HttpStatus.BAD_REQUEST, "role", "Only partner and therapist accounts can be opened here.");
        }
        String passwordHash = passwords.encode(request.password());
        if (mail.isOn()) {
            byMail.ask(request.email().strip(), passwordHash, request.displayName().strip(), request.role());
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new CheckYourMail(request.email().strip(),
                    "We sent a link to this address. Open it to finish opening your account."));
        }
        Account account = new Account(UUID.randomUUID().toString(), request.email(), passwordHash,
                request.displayName().strip(), request.role(), Instant.now());
        if (!accounts.add(account)) {
            throw problem(HttpStatus.CONFLICT, "email", "An account with this e-mail address already exists. Please sign in instead.");
        }
        sessions.signInByPassword(account.email(), http, response);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new AccountCreated(account.accountId(), account.displayName(), account.role(), true));
    }

    static ErrorResponseException problem(HttpStatus status, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return new ErrorResponseException(status, problem, null);
    }
}
