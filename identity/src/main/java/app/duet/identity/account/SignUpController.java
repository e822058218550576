package app.duet.identity.account;

import app.duet.api.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Anyone may open a partner or therapist account; analyst and admin accounts are only made by
 * configuration ({@link ConfiguredAccounts}), never by sign-up.
 */
@RestController
@RequestMapping("/api/identity/accounts")
class SignUpController {

    private static final Set<Role> OPEN_ROLES = Set.of(Role.PARTNER, Role.THERAPIST);

    private final AccountStore accounts;
    private final PasswordEncoder passwords;

    SignUpController(AccountStore accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    record SignUpRequest(@NotBlank @Email @Size(max = 254) String email,
                         @NotBlank @Size(min = 10, max = 128) String password,
                         @NotBlank @Size(max = 60) String displayName,
                         @NotNull Role role) {
    }

    record AccountCreated(String accountId, String displayName, Role role) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountCreated signUp(@Valid @RequestBody SignUpRequest request) {
        if (!OPEN_ROLES.contains(request.role())) {
            throw problem(HttpStatus.BAD_REQUEST, "role", "Only partner and therapist accounts can be opened here.");
        }
        Account account = new Account(UUID.randomUUID().toString(), request.email(),
                passwords.encode(request.password()), request.displayName().strip(), request.role(), Instant.now());
        if (!accounts.add(account)) {
            throw problem(HttpStatus.CONFLICT, "email", "An account with this e-mail address already exists.");
        }
        return new AccountCreated(account.accountId(), account.displayName(), account.role());
    }

    private static ErrorResponseException problem(HttpStatus status, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return new ErrorResponseException(status, problem, null);
    }
}
