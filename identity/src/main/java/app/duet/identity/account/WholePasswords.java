package app.duet.identity.account;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;

/**
 * Duet's password hashing: Spring Security's delegating encoder (bcrypt), but a password longer than
 * bcrypt reads never matches. bcrypt looks at the first 72 bytes only, so without this a password
 * typed with anything after a real one's 72 bytes would sign in; no account has a longer password,
 * because {@link PasswordRules} refuses one.
 */
public final class WholePasswords implements PasswordEncoder {

    private final PasswordEncoder hashing = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Override
    public String encode(CharSequence password) {
        if (tooLong(password)) {
            throw new IllegalArgumentException("A password over " + PasswordRules.MAX_BYTES + " bytes cannot be hashed whole.");
        }
        return hashing.encode(password);
    }

    @Override
    public boolean matches(CharSequence password, String hash) {
        return password != null && !tooLong(password) && hashing.matches(password, hash);
    }

    @Override
    public boolean upgradeEncoding(String hash) {
        return hashing.upgradeEncoding(hash);
    }

    private static boolean tooLong(CharSequence password) {
        return password != null && password.toString().getBytes(StandardCharsets.UTF_8).length > PasswordRules.MAX_BYTES;
    }
}
