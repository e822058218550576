package app.duet.query.access;

import app.duet.api.couple.TherapistAccessGranted;
import app.duet.api.couple.TherapistAccessWithdrawn;
import app.duet.query.couple.CoupleDocument;
import app.duet.query.couple.CoupleDocumentRepository;
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
 * Makes a withdrawn consent take effect at once on this instance: the therapist's open live views
 * of the couple are closed, and their new requests are refused even before the couple's projection
 * has caught up. Every instance must see every withdrawal (the therapist may be connected to any of
 * them), so this processor keeps its position in memory, per instance, starting from the newest
 * event; older withdrawals are already in the projections.
 */
@Component
@ProcessingGroup(ConsentEnforcement.PROCESSING_GROUP)
public class ConsentEnforcement {

    public static final String PROCESSING_GROUP = "consent-enforcement";
    private static final Logger log = LoggerFactory.getLogger(ConsentEnforcement.class);

    private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();
    private final LiveConnections connections;
    private final CoupleDocumentRepository couples;

    public ConsentEnforcement(LiveConnections connections, CoupleDocumentRepository couples) {
        this.connections = connections;
        this.couples = couples;
    }

    @EventHandler
    void on(TherapistAccessGranted event) {
        withdrawn.remove(key(event.coupleId(), event.therapistId()));
    }

    @EventHandler
    void on(TherapistAccessWithdrawn event) {
        withdrawn.add(key(event.coupleId(), event.therapistId()));
        Set<String> topics = new HashSet<>();
        topics.add(ViewPublisher.COUPLE_TOPIC + event.coupleId());
        couples.findById(event.coupleId()).map(CoupleDocument::sessionIds).orElse(java.util.List.of())
                .forEach(sessionId -> topics.add(ViewPublisher.SESSION_TOPIC + sessionId));
        int closed = connections.close(event.therapistId(), topics, "Consent was withdrawn");
        log.info("Consent withdrawn for a therapist of couple {}: closed {} live connection(s)", event.coupleId(), closed);
    }

    /** True while the newest event this instance saw for the pair is a withdrawal. */
    public boolean isWithdrawn(String coupleId, String therapistId) {
        return withdrawn.contains(key(coupleId, therapistId));
    }

    private static String key(String coupleId, String therapistId) {
        return coupleId + "/" + therapistId;
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
