package app.duet.command.consent;

import app.duet.command.pairing.InvitationCodes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Therapists' codes, as short as a couple's invitation code ({@code K7QF-2MZD}, about 40 random bits)
 * and made the same way: one per therapist, issued the first time they ask for it and kept. Couples
 * enter it to invite them; it stands for the therapist's account id, which the invitation carries.
 * Guessing one would take hundreds of billions of tries against the per-account command limit.
 */
@Repository
class TherapistCodes {

    record Therapist(String therapistId, String displayName) {
    }

    private static final int ATTEMPTS = 5;

    private final JdbcClient jdbc;

    TherapistCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The therapist's code, issued now if they have none; their name is kept as their account gives it now. */
    String codeOf(String therapistId, String displayName) {
        for (int attempt = 1; ; attempt++) {
            Optional<String> issued = issuedTo(therapistId);
            if (issued.isPresent()) {
                jdbc.sql("UPDATE therapist_code SET display_name = :name WHERE therapist_id = :id")
                        .param("name", displayName)
                        .param("id", therapistId)
                        .update();
                return issued.get();
            }
            try {
                String code = InvitationCodes.next();
                jdbc.sql("INSERT INTO therapist_code (code, therapist_id, display_name, issued_at) VALUES (:code, :id, :name, :at)")
                        .param("code", code)
                        .param("id", therapistId)
                        .param("name", displayName)
                        .param("at", Timestamp.from(Instant.now()))
                        .update();
                return code;
            } catch (DuplicateKeyException takenMeanwhile) {
                // The code was someone else's, or this therapist's first request raced another: look again.
                if (attempt >= ATTEMPTS) {
                    throw takenMeanwhile;
                }
            }
        }
    }

    /** The therapist a code (as typed: any case, with or without its hyphen) was issued to. */
    Optional<Therapist> byCode(String typed) {
        return jdbc.sql("SELECT therapist_id, display_name FROM therapist_code WHERE code = :code")
                .param("code", InvitationCodes.normalize(typed))
                .query((row, n) -> new Therapist(row.getString("therapist_id"), row.getString("display_name")))
                .optional();
    }

    Optional<String> nameOf(String therapistId) {
        return jdbc.sql("SELECT display_name FROM therapist_code WHERE therapist_id = :id")
                .param("id", therapistId)
                .query((row, n) -> Optional.ofNullable(row.getString("display_name")))
                .optional().flatMap(name -> name);
    }

    private Optional<String> issuedTo(String therapistId) {
        return jdbc.sql("SELECT code FROM therapist_code WHERE therapist_id = :id")
                .param("id", therapistId)
                .query(String.class)
                .optional();
    }
}
