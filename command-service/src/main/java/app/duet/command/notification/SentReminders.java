package app.duet.command.notification;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The sent-log: one row per reminder and person (table reminder_sent, its key unique), claimed before
 * the mail goes out. Whoever inserts the row sends; a scheduler's retry, a restart or another instance
 * finds it and sends nothing. Released only when the SMTP server refused the mail, so it may be tried again.
 */
@Component
class SentReminders {

    private final JdbcClient jdbc;

    SentReminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this caller won the right to send it: false if it was claimed (and so sent, or being sent) before. */
    boolean claim(String reminderKey, String personId, Instant now) {
        try {
            jdbc.sql("INSERT INTO reminder_sent (reminder_key, person_id, claimed_at) VALUES (?, ?, ?)")
                    .params(reminderKey, personId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
            return true;
        } catch (DuplicateKeyException claimedBefore) {
            return false;
        }
    }

    void release(String reminderKey, String personId) {
        jdbc.sql("DELETE FROM reminder_sent WHERE reminder_key = ? AND person_id = ?").params(reminderKey, personId).update();
    }
}
