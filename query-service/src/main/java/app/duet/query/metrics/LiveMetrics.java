package app.duet.query.metrics;

import app.duet.api.session.SessionStatus;
import app.duet.query.session.SessionDocumentRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import java.util.concurrent.atomic.AtomicInteger;

/** How alive the product is right now: running sessions and open STOMP connections. */
@Component
class LiveMetrics {

    private final AtomicInteger connections = new AtomicInteger();

    LiveMetrics(MeterRegistry registry, SessionDocumentRepository sessions) {
        Gauge.builder("duet.live.sessions", () -> sessions.countByStatus(SessionStatus.RUNNING))
                .description("Joint sessions running now")
                .register(registry);
        Gauge.builder("duet.websocket.connections", connections, AtomicInteger::get)
                .description("Open STOMP connections on this instance")
                .register(registry);
    }

    @EventListener
    void on(SessionConnectedEvent connected) {
        connections.incrementAndGet();
    }

    @EventListener
    void on(SessionDisconnectEvent disconnected) {
        connections.decrementAndGet();
    }
}
