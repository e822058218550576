package app.duet.command.privacy;

import app.duet.api.privacy.CoupleErased;
import app.duet.api.session.SessionStarted;
import app.duet.eventstore.privacy.DataKeys;
import app.duet.command.WriteModelLookups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the data keys in step with the events, in the same transaction: a session's personal data
 * is encrypted with its couple's key from the moment it starts, and erasing a couple destroys that
 * key, so every word of the couple and of all its sessions becomes unreadable at once.
 */
@Component
@ProcessingGroup(WriteModelLookups.PROCESSING_GROUP)
class KeyOwnership {

    private final DataKeys keys;

    KeyOwnership(DataKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(SessionStarted event) {
        keys.link(event.sessionId(), event.coupleId());
    }

    @EventHandler
    void on(CoupleErased event) {
        keys.erase(event.coupleId());
    }
}
