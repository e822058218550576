package app.duet.query.events;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSubscription;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Tells live clients on their own topics when the views they watch start and stop catching up: no
 * pushes come meanwhile, and once caught up a client fetches its view again over REST. A notice
 * carries the header {@value #HEADER} and no view, so a client never mistakes it for one.
 */
@Component
class CatchingUpNotices {

    static final String HEADER = "duet-notice";

    /** What a notice says; {@code retryAfterSeconds} only while catching up. */
    record CatchingUpNotice(String notice, Long retryAfterSeconds) {
    }

    private final SimpMessagingTemplate messaging;
    private final SimpUserRegistry users;
    private final CatchingUp catchingUp;

    CatchingUpNotices(SimpMessagingTemplate messaging, SimpUserRegistry users, CatchingUp catchingUp) {
        this.messaging = messaging;
        this.users = users;
        this.catchingUp = catchingUp;
        catchingUp.onChange(change -> watchedTopics().forEach(topic -> tell(topic, change == CatchingUp.Change.STARTED)));
    }

    /** A client that subscribes while the views catch up learns it at once, not from a 503 alone. */
    @EventListener
    void subscribed(SessionSubscribeEvent event) {
        String destination = SimpMessageHeaderAccessor.wrap(event.getMessage()).getDestination();
        if (destination != null && destination.startsWith("/topic/") && catchingUp.isAnyCatchingUp()) {
            tell(destination, true);
            tellWhenCaughtUp(destination);
        }
    }

    /**
     * A subscription that was still taking hold when the views caught up missed the broadcast: it is
     * told on its own, once they have.
     */
    private void tellWhenCaughtUp(String destination) {
        CompletableFuture.runAsync(() -> {
            if (catchingUp.isAnyCatchingUp()) {
                tellWhenCaughtUp(destination);
            } else {
                tell(destination, false);
            }
        }, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    }

    private void tell(String topic, boolean catchingUpNow) {
        CatchingUpNotice notice = catchingUpNow
                ? new CatchingUpNotice("catching-up", Math.max(1, catchingUp.retryAfter().toSeconds()))
                : new CatchingUpNotice("caught-up", null);
        messaging.convertAndSend(topic, notice, Map.of(HEADER, notice.notice()));
    }

    /** The topics someone on this instance listens to; every instance tells its own clients. */
    private Set<String> watchedTopics() {
        return users.findSubscriptions(subscription -> true).stream()
                .map(SimpSubscription::getDestination).filter(Objects::nonNull)
                .filter(destination -> destination.startsWith("/topic/"))
                .collect(Collectors.toSet());
    }
}
