package app.duet.command.pairing;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.command.WriteModelLookups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The command side's own record of which couple each partner is in, written in the same
 * transaction as the events (like {@link InvitationRegistry}). A person is a partner in one couple
 * at a time: a second couple for the same person fails on the table's key, and nothing is stored.
 */
@Component
@ProcessingGroup(WriteModelLookups.PROCESSING_GROUP)
public class PartnerRegistry {

    private final JdbcClient jdbc;

    public PartnerRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CoupleCreated event) {
        add(event.partnerId(), event.coupleId());
    }

    @EventHandler
    void on(PartnerJoinedCouple event) {
        add(event.partnerId(), event.coupleId());
    }

    /** An erased couple's partners are free to pair again. */
    @EventHandler
    void on(CoupleErased event) {
        jdbc.sql("DELETE FROM partner_couple WHERE couple_id = :couple").param("couple", event.coupleId()).update();
    }

    private void add(String partnerId, String coupleId) {
        jdbc.sql("INSERT INTO partner_couple (partner_id, couple_id) VALUES (:partner, :couple)")
                .param("partner", partnerId)
                .param("couple", coupleId)
                .update();
    }

    Optional<String> coupleOf(String partnerId) {
        return jdbc.sql("SELECT couple_id FROM partner_couple WHERE partner_id = :partner")
                .param("partner", partnerId)
                .query(String.class)
                .optional();
    }
}
