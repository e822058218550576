package app.duet.query.live;

import app.duet.api.pairing.CoupleView;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.session.SessionView;
import app.duet.query.batch.ViewBatch;
import app.duet.query.events.CatchingUp;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes each changed view to the STOMP topic of its session or couple, or of the couple's cycle state. Destinations use dots, not
 * slashes, because RabbitMQ's STOMP relay takes the part after /topic/ as a routing key. Nothing is
 * pushed while the processor building a view is catching up: a view replayed from the start would
 * step back below what clients were shown; they are told when it has caught up, and fetch it then.
 * A view changed in a processor's batch is pushed once the batch is stored ({@link ViewBatch#afterStored}),
 * so a client that refetches on a push finds at least what it was pushed.
 */
@Component
public class ViewPublisher {

    public static final String SESSION_TOPIC = "/topic/sessions.";
    public static final String COUPLE_TOPIC = "/topic/couples.";
    public static final String CYCLE_TOPIC = "/topic/cycles.";

    private final SimpMessagingTemplate messaging;
    private final CatchingUp catchingUp;

    public ViewPublisher(SimpMessagingTemplate messaging, CatchingUp catchingUp) {
        this.messaging = messaging;
        this.catchingUp = catchingUp;
    }

    public void publish(SessionView view) {
        if (!catchingUp.isCatchingUp(LiveViews.PROCESSING_GROUP)) {
            ViewBatch.afterStored(() -> messaging.convertAndSend(SESSION_TOPIC + view.sessionId(), view));
        }
    }

    public void publish(CoupleView view) {
        if (!catchingUp.isCatchingUp(LiveViews.PROCESSING_GROUP)) {
            ViewBatch.afterStored(() -> messaging.convertAndSend(COUPLE_TOPIC + view.coupleId(), view));
        }
    }

    /** From the processing group that built it, which serves the cycle state now. */
    public void publish(CycleStateView view, String processingGroup) {
        if (!catchingUp.isCatchingUp(processingGroup)) {
            ViewBatch.afterStored(() -> messaging.convertAndSend(CYCLE_TOPIC + view.coupleId(), view));
        }
    }
}
