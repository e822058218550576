package app.duet.query.presence;

import app.duet.access.Actor;
import app.duet.api.access.Role;
import app.duet.api.session.SessionPresenceView;
import app.duet.api.session.SessionPresenceView.Connected;
import app.duet.api.session.SessionPresenceView.Connection;
import app.duet.query.live.ViewPublisher;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Who is connected to each session, kept in {@link LiveConnectionTable} and told on the session's
 * topic whenever it changes (a notice, not a view: header {@value #NOTICE_HEADER} =
 * {@value #NOTICE}). Opening a session's view makes a person here; hiding the page, away (the page
 * says so); a socket that closes without a goodbye, or stays silent past the drop time, or whose
 * instance stops beating, dropped; dropped past the grace period, absent. A goodbye (leaving the
 * session's screen, signing out) makes them absent at once. All writes run on one thread per
 * instance, in the order they happened, and never on the thread that carries a socket's frames.
 */
@Component
public class SessionPresence {

    static final String NOTICE_HEADER = "duet-notice";
    static final String NOTICE = "presence";
    private static final Logger log = LoggerFactory.getLogger(SessionPresence.class);
    /** An absent row is kept this long for a session left alone to be judged by, then forgotten. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final Duration SUBSCRIPTION_HOLDS = Duration.ofSeconds(1);

    private final LiveConnectionTable table;
    private final ConnectionLife sockets;
    private final SimpMessagingTemplate messaging;
    private final PresenceSettings settings;
    private final String instanceId = UUID.randomUUID().toString();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "session-presence");
        thread.setDaemon(true);
        return thread;
    });
    /** This instance's sockets and the sessions each has open, by subscription: socket id → subscription id → session id. */
    private final Map<String, Map<String, String>> openSessions = new ConcurrentHashMap<>();

    SessionPresence(LiveConnectionTable table, ConnectionLife sockets, SimpMessagingTemplate messaging, PresenceSettings settings) {
        this.table = table;
        this.sockets = sockets;
        this.messaging = messaging;
        this.settings = settings;
        long beat = settings.beatEvery().toMillis();
        worker.scheduleWithFixedDelay(() -> quietly("beat", this::beat), beat, beat, TimeUnit.MILLISECONDS);
        long sweep = Math.min(1000, beat);
        worker.scheduleWithFixedDelay(() -> quietly("sweep", this::sweep), sweep, sweep, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    @EventListener
    void on(SessionSubscribeEvent subscribed) {
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(subscribed.getMessage());
        String sessionId = sessionOf(stomp.getDestination());
        Principal user = subscribed.getUser();
        if (sessionId == null || user == null || stomp.getSessionId() == null) {
            return;
        }
        String socketId = stomp.getSessionId();
        openSessions.computeIfAbsent(socketId, id -> new ConcurrentHashMap<>()).put(stomp.getSubscriptionId(), sessionId);
        String role = Actor.of(user instanceof Authentication signedIn ? signedIn : null).is(Role.THERAPIST) ? "therapist" : "partner";
        run("open", () -> {
            table.open(connectionId(socketId, sessionId), sessionId, user.getName(), role, instanceId, now());
            tell(sessionId);
        });
        // The subscription takes hold a moment after this: what was told meanwhile missed the new
        // listener, which hears it again once it surely holds.
        worker.schedule(() -> quietly("tell again", () -> tell(sessionId)), SUBSCRIPTION_HOLDS.toMillis(), TimeUnit.MILLISECONDS);
    }

    @EventListener
    void on(SessionUnsubscribeEvent unsubscribed) {
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(unsubscribed.getMessage());
        Map<String, String> open = openSessions.get(String.valueOf(stomp.getSessionId()));
        String sessionId = open == null || stomp.getSubscriptionId() == null ? null : open.remove(stomp.getSubscriptionId());
        if (sessionId != null && !open.containsValue(sessionId)) {
            String connectionId = connectionId(stomp.getSessionId(), sessionId);
            run("leave", () -> end(connectionId, sessionId, Connection.ABSENT));
        }
    }

    @EventListener
    void on(SessionDisconnectEvent closed) {
        Map<String, String> open = openSessions.remove(closed.getSessionId());
        if (open == null) {
            return;
        }
        Connection state = sockets.saidGoodbye(closed.getSessionId()) ? Connection.ABSENT : Connection.DROPPED;
        for (String sessionId : Set.copyOf(open.values())) {
            String connectionId = connectionId(closed.getSessionId(), sessionId);
            run("close", () -> end(connectionId, sessionId, state));
        }
    }

    /** The page on this socket is shown or hidden: each session it has open hears it. */
    void showing(String socketId, boolean visible) {
        Map<String, String> open = openSessions.get(socketId);
        if (open == null) {
            return;
        }
        for (String sessionId : Set.copyOf(open.values())) {
            run(visible ? "here" : "away", () -> {
                if (table.showing(connectionId(socketId, sessionId), visible ? Connection.HERE : Connection.AWAY, now())) {
                    tell(sessionId);
                }
            });
        }
    }

    /** Who is connected to the session now, each person by their best connection. */
    public SessionPresenceView of(String sessionId) {
        Map<String, LiveConnectionTable.Row> best = table.ofSession(sessionId).stream().collect(Collectors.toMap(
                LiveConnectionTable.Row::personId, row -> row,
                (one, other) -> Comparator.comparing(LiveConnectionTable.Row::state)
                        .thenComparing(LiveConnectionTable.Row::since, Comparator.reverseOrder()).compare(one, other) <= 0 ? one : other));
        List<Connected> people = best.values().stream()
                .sorted(Comparator.comparing(LiveConnectionTable.Row::personId))
                .map(row -> new Connected(row.personId(), row.role(), row.state(), Instant.ofEpochMilli(row.since())))
                .toList();
        return new SessionPresenceView(sessionId, people);
    }

    private void end(String connectionId, String sessionId, Connection state) {
        if (table.ended(connectionId, state, now())) {
            tell(sessionId);
        }
    }

    private void beat() {
        table.beat(instanceId, now());
    }

    /**
     * Silent pages are closed (and so dropped); connections of an instance that stopped beating are
     * dropped; connections dropped past the grace period are absent. Each session changed is told once.
     */
    private void sweep() {
        long now = now();
        sockets.closeSilentSince(now - settings.dropAfter().toMillis());
        Set<String> changed = new HashSet<>();
        long unheard = now - settings.dropAfter().toMillis();
        for (LiveConnectionTable.Row row : table.unheardSince(unheard)) {
            if (table.dropUnheard(row.connectionId(), unheard, now)) {
                changed.add(row.sessionId());
            }
        }
        for (LiveConnectionTable.Row row : table.droppedBefore(now - settings.absentAfter().toMillis())) {
            if (table.absent(row.connectionId())) {
                changed.add(row.sessionId());
            }
        }
        changed.forEach(this::tell);
        table.forgetAbsentBefore(now - FORGET_AFTER.toMillis());
    }

    private void tell(String sessionId) {
        messaging.convertAndSend(ViewPublisher.SESSION_TOPIC + sessionId, of(sessionId), Map.of(NOTICE_HEADER, NOTICE));
    }

    private void run(String what, Runnable work) {
        worker.execute(() -> quietly(what, work));
    }

    /** Presence is live state: a write that fails (the database away) is logged and the next change mends it. */
    private static void quietly(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException failed) {
            log.warn("Presence could not be kept ({}): {}", what, failed.toString());
        }
    }

    private String connectionId(String socketId, String sessionId) {
        return instanceId + "/" + socketId + "/" + sessionId;
    }

    private static String sessionOf(String destination) {
        return destination != null && destination.startsWith(ViewPublisher.SESSION_TOPIC)
                ? destination.substring(ViewPublisher.SESSION_TOPIC.length()) : null;
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
