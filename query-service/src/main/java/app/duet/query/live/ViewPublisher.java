package app.duet.query.live;

import app.duet.api.couple.CoupleView;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.session.SessionView;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes each changed view to the STOMP topic of its session or couple, or of the couple's cycle state. Destinations use dots, not
 * slashes, because RabbitMQ's STOMP relay takes the part after /topic/ as a routing key.
 */
@Component
public class ViewPublisher {

    public static final String SESSION_TOPIC = "/topic/sessions.";
    public static final String COUPLE_TOPIC = "/topic/couples.";
    public static final String CYCLE_TOPIC = "/topic/cycles.";

    private final SimpMessagingTemplate messaging;

    public ViewPublisher(SimpMessagingTemplate messaging) {
        this.messaging = messaging;
    }

    public void publish(SessionView view) {
        messaging.convertAndSend(SESSION_TOPIC + view.sessionId(), view);
    }

    public void publish(CoupleView view) {
        messaging.convertAndSend(COUPLE_TOPIC + view.coupleId(), view);
    }

    public void publish(CycleStateView view) {
        messaging.convertAndSend(CYCLE_TOPIC + view.coupleId(), view);
    }
}
