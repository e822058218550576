package app.duet.query.live;

import app.duet.api.pairing.CoupleView;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.session.SessionView;
import app.duet.query.batch.ViewBatch;
import app.duet.query.events.CatchingUp;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Pushes what changed in a view to the STOMP topic of its session or couple, or of the couple's cycle
 * state: a {@link ViewChange}, never the whole view, so a push stays small however long the history.
 * Destinations use dots, not slashes, because RabbitMQ's STOMP relay takes the part after /topic/ as a
 * routing key. Nothing is pushed while the processor building a view is catching up: a view replayed
 * from the start would step back below what clients were shown; they are told when it has caught up,
 * and fetch it then. A change made in a processor's batch is pushed once the batch is stored
 * ({@link ViewBatch#afterStored}), so a client that refetches on a push finds at least what it was pushed.
 */
@Component
public class ViewPublisher {

    public static final String SESSION_TOPIC = "/topic/sessions.";
    public static final String COUPLE_TOPIC = "/topic/couples.";
    public static final String CYCLE_TOPIC = "/topic/cycles.";
    /** A therapist's own destination, followed by their id: safety concerns told to them, and nobody else hears it. */
    public static final String THERAPIST_TOPIC = "/topic/therapists.";
    /** One person's own destination: their notifications; only they may listen. */
    public static final String PERSON_TOPIC = "/topic/people.";

    private final SimpMessagingTemplate messaging;
    private final CatchingUp catchingUp;
    private final ViewChanges changes;

    public ViewPublisher(SimpMessagingTemplate messaging, CatchingUp catchingUp, ObjectMapper json) {
        this.messaging = messaging;
        this.catchingUp = catchingUp;
        this.changes = new ViewChanges(json);
    }

    /** before: the view as it was before this change, null if it is new. */
    public void publish(SessionView before, SessionView after) {
        if (!catchingUp.isCatchingUp(LiveViews.PROCESSING_GROUP)) {
            var change = changes.between(before, after, after.version(), ViewShape.SESSION);
            ViewBatch.afterStored(() -> messaging.convertAndSend(SESSION_TOPIC + after.sessionId(), change));
        }
    }

    public void publish(CoupleView before, CoupleView after) {
        if (!catchingUp.isCatchingUp(LiveViews.PROCESSING_GROUP)) {
            var change = changes.between(before, after, after.version(), ViewShape.COUPLE);
            ViewBatch.afterStored(() -> messaging.convertAndSend(COUPLE_TOPIC + after.coupleId(), change));
        }
    }

    /** From the processing group that built it, which serves the cycle state now. */
    public void publish(CycleStateView before, CycleStateView after, String processingGroup) {
        if (!catchingUp.isCatchingUp(processingGroup)) {
            var change = changes.between(before, after, after.version(), ViewShape.CYCLE_STATE);
            ViewBatch.afterStored(() -> messaging.convertAndSend(CYCLE_TOPIC + after.coupleId(), change));
        }
    }
}
