package app.duet.query.access;

import app.duet.api.privacy.CoupleErased;
import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.eventstore.privacy.DataKeys;
import app.duet.query.live.ViewPublisher;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes ended access take effect at once on this instance. A withdrawn consent closes the
 * therapist's open live views of the couple and refuses their new requests even before the couple's
 * projection has caught up ({@link TherapistConsent} decides with it); an erased couple closes everyone's live views of it and drops its data
 * key from this JVM's cache. Every instance must see every such event (the person may be connected
 * to any of them), so this processor keeps its position in memory, per instance, starting from the
 * newest event; older ones are already in the projections and the key store.
 */
@Component
@ProcessingGroup(AccessEnforcement.PROCESSING_GROUP)
public class AccessEnforcement {

    public static final String PROCESSING_GROUP = "access-enforcement";
    private static final Logger log = LoggerFactory.getLogger(AccessEnforcement.class);

    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final TherapistConsent consent;
    private final LiveConnections connections;
    private final DataKeys keys;

    public AccessEnforcement(TherapistConsent consent, LiveConnections connections, DataKeys keys) {
        this.consent = consent;
        this.connections = connections;
        this.keys = keys;
    }

    @EventHandler
    void on(TherapistAccessGranted event) {
        consent.granted(event.coupleId(), event.therapistId());
    }

    @EventHandler
    void on(TherapistAccessWithdrawn event) {
        consent.withdrawn(event.coupleId(), event.therapistId());
        int closed = connections.close(event.therapistId()::equals, topicsOf(event.coupleId()), "Consent was withdrawn");
        log.info("Consent withdrawn for a therapist of couple {}: closed {} live connection(s)", event.coupleId(), closed);
    }

    @EventHandler
    void on(CoupleErased event) {
        keys.forget(event.coupleId());
        erased.add(event.coupleId());
        int closed = connections.close(anyone -> true, topicsOf(event.coupleId()), "The couple was erased");
        log.info("Couple {} erased: closed {} live connection(s)", event.coupleId(), closed);
    }

    /**
     * True once this instance saw the couple erased, whatever the projections say yet; or once the
     * erasure ledger names it (a restored database may not hold the erasure yet).
     */
    public boolean isErased(String coupleId) {
        return erased.contains(coupleId) || keys.isInErasureLedger(coupleId);
    }

    /** The couple's topics, found from the key store's owners (a couple, its sessions), not from a view that may be gone. */
    private Set<String> topicsOf(String coupleId) {
        Set<String> topics = new HashSet<>();
        for (String owner : keys.ownersOf(coupleId)) {
            topics.add(ViewPublisher.COUPLE_TOPIC + owner);
            topics.add(ViewPublisher.SESSION_TOPIC + owner);
        }
        topics.add(ViewPublisher.COUPLE_TOPIC + coupleId);
        topics.add(ViewPublisher.CYCLE_TOPIC + coupleId);
        return topics;
    }

    @Component
    static class PerInstancePosition implements ConfigurerModule {
        @Override
        public void configureModule(org.axonframework.config.Configurer configurer) {
            configurer.eventProcessing()
                    .registerTokenStore(PROCESSING_GROUP, configuration -> new InMemoryTokenStore())
                    .registerTrackingEventProcessorConfiguration(PROCESSING_GROUP, configuration ->
                            TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
        }
    }
}
