package app.duet.command.pairing;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.command.RuleViolation;
import app.duet.command.WriteModelLookups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command side's own lookup from invitation code to couple. It is written by a subscribing
 * handler in the same transaction as the events, so it is never behind them; it is part of the
 * write model, not a projection.
 */
@Component
@ProcessingGroup(WriteModelLookups.PROCESSING_GROUP)
public class InvitationRegistry {

    private final JdbcClient jdbc;

    public InvitationRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CoupleCreated event) {
        jdbc.sql("INSERT INTO invitation_code (code, couple_id) VALUES (:code, :coupleId)")
                .param("code", event.invitationCode())
                .param("coupleId", event.coupleId())
                .update();
    }

    @EventHandler
    void on(PartnerJoinedCouple event) {
        jdbc.sql("UPDATE invitation_code SET used = TRUE WHERE couple_id = :coupleId")
                .param("coupleId", event.coupleId())
                .update();
    }

    /**
     * The couple an unused code was issued for: the couple a {@code JoinCouple} goes to. Axon hands
     * a command to the couple its id names, so a code that opens no couple is refused here, where all
     * couples are known; the couple itself then checks the code, its expiry, and who joins.
     */
    String coupleInvitedWith(String code) {
        return jdbc.sql("SELECT couple_id FROM invitation_code WHERE code = :code AND used = FALSE")
                .param("code", code)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new RuleViolation("unknown-invitation-code",
                        "That invitation code is unknown or has been used."));
    }
}
