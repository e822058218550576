package app.duet.query.access;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The open WebSocket connections of this instance and what each is subscribed to, so access that
 * ends (a consent withdrawn) can end the live views it opened, not just future requests.
 */
@Component
public class LiveConnections implements WebSocketHandlerDecoratorFactory {

    /** One connection; whom it belongs to is known from its STOMP CONNECT, not its HTTP handshake. */
    private static final class Listener {
        private final WebSocketSession socket;
        private final Map<String, String> destinationsBySubscription = new ConcurrentHashMap<>();
        private volatile String personId;

        private Listener(WebSocketSession socket) {
            this.socket = socket;
        }
    }

    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();
    private final LiveLimits limits;

    public LiveConnections(LiveLimits limits) {
        this.limits = limits;
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession socket) throws Exception {
                listeners.put(socket.getId(), new Listener(socket));
                super.afterConnectionEstablished(socket);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) throws Exception {
                listeners.remove(socket.getId());
                limits.closed(socket.getId());
                super.afterConnectionClosed(socket, status);
            }
        };
    }

    @EventListener
    void on(SessionSubscribeEvent subscribed) {
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(subscribed.getMessage());
        Listener listener = listeners.get(stomp.getSessionId());
        if (listener != null && stomp.getSubscriptionId() != null && stomp.getDestination() != null) {
            listener.personId = subscribed.getUser() == null ? null : subscribed.getUser().getName();
            listener.destinationsBySubscription.put(stomp.getSubscriptionId(), stomp.getDestination());
        }
    }

    @EventListener
    void on(SessionUnsubscribeEvent unsubscribed) {
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(unsubscribed.getMessage());
        Listener listener = listeners.get(stomp.getSessionId());
        if (listener != null && stomp.getSubscriptionId() != null) {
            listener.destinationsBySubscription.remove(stomp.getSubscriptionId());
        }
    }

    /** How many subscriptions this connection holds now (none if it is not, or no longer, open). */
    int subscriptions(String socketId) {
        Listener listener = socketId == null ? null : listeners.get(socketId);
        return listener == null ? 0 : listener.destinationsBySubscription.size();
    }

    /** Whether this person listens to anything through this instance. */
    public boolean isListening(String personId) {
        return listeners.values().stream().anyMatch(listener -> personId.equals(listener.personId)
                && !listener.destinationsBySubscription.isEmpty());
    }

    /** Closes every connection of the people chosen that listens to any of these topics. */
    public int close(Predicate<String> people, Set<String> topics, String reason) {
        int closed = 0;
        for (Listener listener : listeners.values()) {
            if (listener.personId != null && people.test(listener.personId)
                    && listener.destinationsBySubscription.values().stream().anyMatch(topics::contains)) {
                try {
                    listener.socket.close(CloseStatus.POLICY_VIOLATION.withReason(reason));
                    closed++;
                } catch (IOException alreadyGone) {
                    listeners.remove(listener.socket.getId());
                }
            }
        }
        return closed;
    }
}
