package app.duet.bench;

import app.duet.api.access.Role;
import app.duet.identity.BrowserSignIn;
import app.duet.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a bench's people get their access tokens. {@code issuer}: each signs up and signs in at the
 * product's issuer (the browser's code flow with PKCE), as a person does. {@code minted} (the
 * default): the bench signs tokens with a key of its own that the product is started trusting
 * ({@link #productArguments()}), so thousands of people are ready in seconds on a busy machine; the
 * figures measured afterwards (commands and pushes) do not touch the issuer either way.
 */
final class Accounts {

    private static final String PASSWORD = "a long enough password";

    final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final boolean minted;

    Accounts(Map<String, String> options) {
        String signIn = options.getOrDefault("sign-in", "minted");
        if (!signIn.equals("minted") && !signIn.equals("issuer")) {
            throw new IllegalArgumentException("--sign-in is minted or issuer, not " + signIn);
        }
        this.minted = signIn.equals("minted");
    }

    /** What the product must be started with to accept these tokens. */
    List<String> productArguments() {
        return minted ? TestTokens.trusted().springProperties().stream().map(property -> "--" + property).toList() : List.of();
    }

    /** A new person with this role, signed in; returns their account id. */
    String newPerson(Stack stack, String role) {
        if (minted) {
            String accountId = UUID.randomUUID().toString();
            tokens.put(accountId, TestTokens.trusted().token(accountId, Role.valueOf(role), Duration.ofHours(3)));
            return accountId;
        }
        BrowserSignIn browser = new BrowserSignIn(stack.issuer);
        String email = "bench-" + UUID.randomUUID() + "@duet.test";
        String accountId = browser.signUp(email, PASSWORD, "Bench " + role.toLowerCase(), role).get("accountId").asString();
        tokens.put(accountId, browser.signIn(email, PASSWORD).accessToken());
        return accountId;
    }
}
