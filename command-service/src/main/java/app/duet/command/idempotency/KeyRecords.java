package app.duet.command.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The {@code idempotency_key} table, in the event store's database so every instance sees the same
 * keys and they outlive restarts. A row goes from claimed to committed (written in the transaction
 * that appends the command's events) to answered; every change after the claim names the claim, so
 * a request whose claim was taken over can change nothing.
 */
@Component
class KeyRecords {

    static final String CLAIMED = "claimed";
    static final String COMMITTED = "committed";
    static final String ANSWERED = "answered";

    private final JdbcClient jdbc;

    KeyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key as a request found it. */
    record Row(String requestHash, String claimId, String state, Instant claimedUntil, Instant createdAt,
               Integer status, String contentType, byte[] body) {
    }

    /**
     * Claims a free key. Outside any transaction, so the claim is visible to every instance at once;
     * false when the key already has a row (the table's primary key decides any race).
     */
    boolean claim(Claim claim, String requestHash, Instant now, Instant claimedUntil) {
        try {
            jdbc.sql("INSERT INTO idempotency_key (account_id, idempotency_key, request_hash, claim_id, state, claimed_until, created_at) "
                            + "VALUES (:account, :key, :hash, :claim, :state, :until, :now)")
                    .param("account", claim.account()).param("key", claim.key()).param("hash", requestHash)
                    .param("claim", claim.id()).param("state", CLAIMED)
                    .param("until", utc(claimedUntil)).param("now", utc(now))
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    Optional<Row> find(String account, String key) {
        return jdbc.sql("SELECT request_hash, claim_id, state, claimed_until, created_at, status, content_type, body "
                        + "FROM idempotency_key WHERE account_id = :account AND idempotency_key = :key")
                .param("account", account).param("key", key)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        (Integer) rs.getObject(6), rs.getString(7), rs.getBytes(8)))
                .optional();
    }

    /**
     * Takes over a key whose row is forgotten (past retention) or abandoned (still only claimed, past
     * its claim), unless someone changed it since it was read. The condition is checked again in the
     * update itself: a request that outlived its claim may have committed its command in between,
     * and a key whose command was stored is never run again.
     */
    boolean takeOver(Claim claim, String seenClaimId, String requestHash, Instant now, Instant claimedUntil,
                     Instant forgottenBefore) {
        return jdbc.sql("UPDATE idempotency_key SET claim_id = :claim, request_hash = :hash, state = :state, "
                        + "claimed_until = :until, created_at = :now, status = NULL, content_type = NULL, body = NULL "
                        + "WHERE account_id = :account AND idempotency_key = :key AND claim_id = :seen "
                        + "AND ((state = :claimed AND claimed_until < :now) OR created_at < :forgotten)")
                .param("claim", claim.id()).param("hash", requestHash).param("state", CLAIMED)
                .param("until", utc(claimedUntil)).param("now", utc(now))
                .param("account", claim.account()).param("key", claim.key()).param("seen", seenClaimId)
                .param("claimed", CLAIMED).param("forgotten", utc(forgottenBefore))
                .update() == 1;
    }

    /**
     * Marks the key as used, inside the transaction of the command's events: both are stored or
     * neither. Throws, rolling the events back, when this request no longer holds the key.
     */
    void committed(Claim claim) {
        int updated = jdbc.sql("UPDATE idempotency_key SET state = :committed WHERE account_id = :account "
                        + "AND idempotency_key = :key AND claim_id = :claim AND state IN (:claimed, :committed)")
                .param("committed", COMMITTED).param("claimed", CLAIMED)
                .param("account", claim.account()).param("key", claim.key()).param("claim", claim.id())
                .update();
        if (updated != 1) {
            throw new ClaimLost();
        }
    }

    /** Remembers the answer to send again to a retry. */
    boolean answer(Claim claim, int status, String contentType, byte[] body) {
        return jdbc.sql("UPDATE idempotency_key SET state = :answered, status = :status, content_type = :type, body = :body "
                        + "WHERE account_id = :account AND idempotency_key = :key AND claim_id = :claim")
                .param("answered", ANSWERED).param("status", status).param("type", contentType).param("body", body)
                .param("account", claim.account()).param("key", claim.key()).param("claim", claim.id())
                .update() == 1;
    }

    /** Frees the key of a request that stored nothing; a committed key stays used. */
    boolean release(Claim claim) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE account_id = :account AND idempotency_key = :key "
                        + "AND claim_id = :claim AND state = :claimed")
                .param("account", claim.account()).param("key", claim.key()).param("claim", claim.id())
                .param("claimed", CLAIMED)
                .update() == 1;
    }

    /** Forgets every key first claimed before that instant; returns how many. */
    int forgetCreatedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :cutoff").param("cutoff", utc(cutoff)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
