package app.duet.identity.mail;

import app.duet.api.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The tokens of mailed links. A token is 32 random bytes, sent only in the mail; the database keeps
 * its SHA-256 hash (enough for a random token: there is nothing to guess), so a copy of the database
 * opens no link. Using a link deletes its row in the same statement that finds it: it works once.
 */
@Repository
class MailedLinks {

    record PendingSignUp(String email, String passwordHash, String displayName, Role role) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    MailedLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps an account asked for until its address is confirmed; returns the token for the link. */
    String pendingSignUp(PendingSignUp pending, Instant expiresAt) {
        forgetExpired();
        String token = newToken();
        jdbc.sql("""
                        INSERT INTO pending_sign_up (token_hash, email, password_hash, display_name, role, expires_at)
                        VALUES (:hash, :email, :password, :name, :role, :expires)""")
                .param("hash", hash(token))
                .param("email", pending.email())
                .param("password", pending.passwordHash())
                .param("name", pending.displayName())
                .param("role", pending.role().name())
                .param("expires", Timestamp.from(expiresAt))
                .update();
        return token;
    }

    /** The account asked for with this token, once: the link is spent whether or not it opens one. */
    Optional<PendingSignUp> takePendingSignUp(String token) {
        String hash = hash(token);
        Optional<PendingSignUp> pending = jdbc.sql("SELECT * FROM pending_sign_up WHERE token_hash = :hash AND expires_at > :now")
                .param("hash", hash)
                .param("now", Timestamp.from(Instant.now()))
                .query((row, n) -> new PendingSignUp(row.getString("email"), row.getString("password_hash"),
                        row.getString("display_name"), Role.valueOf(row.getString("role"))))
                .optional();
        return pending.filter(found -> spend("pending_sign_up", hash));
    }

    String passwordReset(String accountId, Instant expiresAt) {
        forgetExpired();
        String token = newToken();
        jdbc.sql("INSERT INTO password_reset (token_hash, account_id, expires_at) VALUES (:hash, :account, :expires)")
                .param("hash", hash(token))
                .param("account", accountId)
                .param("expires", Timestamp.from(expiresAt))
                .update();
        return token;
    }

    /** The account whose password this token may change, once. */
    Optional<String> takePasswordReset(String token) {
        String hash = hash(token);
        Optional<String> account = jdbc.sql("SELECT account_id FROM password_reset WHERE token_hash = :hash AND expires_at > :now")
                .param("hash", hash)
                .param("now", Timestamp.from(Instant.now()))
                .query(String.class)
                .optional();
        return account.filter(found -> spend("password_reset", hash));
    }

    /** True for the one caller whose delete removed the row: two clicks at once cannot both use it. */
    private boolean spend(String table, String hash) {
        return jdbc.sql("DELETE FROM " + table + " WHERE token_hash = :hash").param("hash", hash).update() == 1;
    }

    private void forgetExpired() {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("DELETE FROM pending_sign_up WHERE expires_at <= :now").param("now", now).update();
        jdbc.sql("DELETE FROM password_reset WHERE expires_at <= :now").param("now", now).update();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
