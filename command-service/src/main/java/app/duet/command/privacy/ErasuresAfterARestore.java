package app.duet.command.privacy;

import app.duet.api.privacy.EraseCoupleAgain;
import app.duet.eventstore.privacy.DataKeys;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On every start, each couple the erasure ledger names whose key the database holds again (it was
 * restored from a backup taken before the erasure) is erased again: its key is destroyed and the
 * erasure is an event once more, so every view lets the couple go. Until then nothing reads with
 * that key: the ledger alone already makes it erased ({@link DataKeys}).
 */
@Component
class ErasuresAfterARestore {

    private static final Logger log = LoggerFactory.getLogger(ErasuresAfterARestore.class);

    private final DataKeys keys;
    private final CommandGateway commands;

    ErasuresAfterARestore(DataKeys keys, CommandGateway commands) {
        this.keys = keys;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void eraseAgain() {
        for (String coupleId : keys.erasedButStillKept()) {
            log.warn("Couple {} was erased, but the database holds its key again (restored from an earlier backup): erasing it again",
                    coupleId);
            commands.sendAndWait(new EraseCoupleAgain(coupleId));
        }
    }
}
