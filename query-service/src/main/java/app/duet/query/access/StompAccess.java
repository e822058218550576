package app.duet.query.access;

import app.duet.access.Actor;
import app.duet.access.NotYours;
import app.duet.api.access.Role;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCoupleMembers;
import app.duet.api.session.FindSession;
import app.duet.api.session.SessionView;
import app.duet.query.events.CatchingUp;
import app.duet.query.live.LiveViews;
import app.duet.query.live.ViewPublisher;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.stereotype.Component;

import java.security.Principal;

/**
 * Guards every frame a browser sends over STOMP. CONNECT must carry a valid bearer token in its
 * {@code Authorization} header; SUBSCRIBE is allowed only to the topics of a couple or session the
 * person may read (the same rule as the REST queries); SEND is allowed only for a page to say it is shown or hidden
 * (presence, live state), because every change enters Duet as an HTTP command. How many connections a person and
 * subscriptions a connection may hold is {@link LiveLimits}'. A refusal becomes an ERROR frame and nothing else.
 */
@Component
public class StompAccess implements ChannelInterceptor {

    /** How a refusal for views still catching up begins, so a client can tell it from a denial and simply come back. */
    public static final String CATCHING_UP = "views-catching-up";

    private final ObjectProvider<JwtDecoder> tokens;
    private final JwtAuthenticationConverter people;
    private final QueryGateway queries;
    private final ViewAccess access;
    /** Looked up late: replays send through the broker this guards. */
    private final ObjectProvider<ReplayOwners> replays;
    private final CatchingUp catchingUp;
    private final LiveLimits limits;
    private final LiveConnections live;

    public StompAccess(ObjectProvider<JwtDecoder> tokens, JwtAuthenticationConverter people, QueryGateway queries,
                       ViewAccess access, ObjectProvider<ReplayOwners> replays, CatchingUp catchingUp,
                       LiveLimits limits, LiveConnections live) {
        this.tokens = tokens;
        this.people = people;
        this.queries = queries;
        this.access = access;
        this.replays = replays;
        this.catchingUp = catchingUp;
        this.limits = limits;
        this.live = live;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        switch (stomp.getCommand()) {
            case CONNECT, STOMP -> {
                Authentication person = signIn(stomp.getFirstNativeHeader("Authorization"));
                limits.connecting(stomp.getSessionId(), person.getName());
                stomp.setUser(person);
            }
            case SUBSCRIBE -> {
                limits.subscribing(live.subscriptions(stomp.getSessionId()));
                mayListen(actorOf(stomp.getUser()), stomp.getDestination());
                onlyWhatASubscriptionNeeds(stomp);
            }
            case SEND -> mayTell(stomp.getDestination(), message.getPayload());
            default -> {
            }
        }
        return message;
    }

    /**
     * The one thing a page says over STOMP is whether it is shown or hidden, with an empty body: live
     * state for presence, never a change to anything stored.
     */
    private static void mayTell(String destination, Object payload) {
        boolean empty = payload instanceof byte[] bytes && bytes.length == 0;
        if (!PAGE_STATES.contains(destination) || !empty) {
            throw new AccessDeniedException(
                    "Duet takes every change as an HTTP command; STOMP is only for listening, and for saying whether the page is shown.");
        }
    }

    private static final java.util.Set<String> PAGE_STATES = java.util.Set.of("/app/presence.here", "/app/presence.away");

    /**
     * The broker relay hands a SUBSCRIBE's headers on to RabbitMQ, where some ask for a durable, named
     * or otherwise lasting queue: a page could leave queues behind that outlive it. Only what a
     * subscription needs goes on.
     */
    private static void onlyWhatASubscriptionNeeds(StompHeaderAccessor stomp) {
        for (String header : java.util.List.copyOf(stomp.toNativeHeaderMap().keySet())) {
            if (!SUBSCRIPTION_HEADERS.contains(header)) {
                stomp.removeNativeHeader(header);
            }
        }
    }

    private static final java.util.Set<String> SUBSCRIPTION_HEADERS = java.util.Set.of("destination", "id", "ack", "receipt");

    private Authentication signIn(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new BadCredentialsException("CONNECT needs an Authorization header with a bearer token.");
        }
        try {
            return people.convert(tokens.getObject().decode(authorization.substring("Bearer ".length()).strip()));
        } catch (JwtException invalid) {
            throw new BadCredentialsException("The bearer token is not valid: " + invalid.getMessage());
        }
    }

    private static Actor actorOf(Principal user) {
        return Actor.of(user instanceof Authentication authentication ? authentication : null);
    }

    private void mayListen(Actor actor, String destination) {
        boolean aView = destination != null && (destination.startsWith(ViewPublisher.SESSION_TOPIC)
                || destination.startsWith(ViewPublisher.COUPLE_TOPIC) || destination.startsWith(ViewPublisher.CYCLE_TOPIC));
        if (aView && catchingUp.isCatchingUp(LiveViews.PROCESSING_GROUP)) {
            // Who may listen is read from the views, and views that are catching up may not yet know of a
            // consent withdrawn or a partner who joined: nobody is let in on them until they have caught up.
            throw new AccessDeniedException(CATCHING_UP + ": Duet is catching up with what happened; connect again in "
                    + Math.max(1, catchingUp.retryAfter().toSeconds()) + " s.");
        }
        if (destination != null && destination.startsWith(ViewPublisher.SESSION_TOPIC)) {
            String sessionId = destination.substring(ViewPublisher.SESSION_TOPIC.length());
            access.requireMayRead(actor, find(new FindSession(sessionId), SessionView.class), ViewAccess.Via.LIVE);
        } else if (destination != null && (destination.startsWith(ViewPublisher.COUPLE_TOPIC)
                || destination.startsWith(ViewPublisher.CYCLE_TOPIC))) {
            String coupleId = destination.substring(destination.indexOf('.') + 1);
            access.requireMayRead(actor, find(new FindCoupleMembers(coupleId), CoupleView.class), ViewAccess.Via.LIVE);
        } else if (destination != null && destination.startsWith(ViewPublisher.THERAPIST_TOPIC)) {
            String therapistId = destination.substring(ViewPublisher.THERAPIST_TOPIC.length());
            if (!actor.is(Role.THERAPIST) || !actor.id().equals(therapistId)) {
                throw new AccessDeniedException("Only the therapist it belongs to listens here.");
            }
        } else if (destination != null && destination.startsWith(ViewPublisher.PERSON_TOPIC)) {
            if (actor.id() == null || !actor.id().equals(destination.substring(ViewPublisher.PERSON_TOPIC.length()))) {
                throw new AccessDeniedException("Only the person it belongs to listens here.");
            }
        } else if (destination != null && destination.startsWith(ReplayOwners.TOPIC)) {
            String replayId = destination.substring(ReplayOwners.TOPIC.length());
            if (!actor.is(Role.ANALYST) || !replays.getObject().ownerOf(replayId).map(actor.id()::equals).orElse(false)) {
                throw new AccessDeniedException("Only the analyst who started a replay listens to it.");
            }
        } else {
            throw new AccessDeniedException("There is nothing to listen to at " + destination + ".");
        }
    }

    /** A view that does not exist is refused in the same words as one that may not be seen: nothing is revealed. */
    private <V> V find(Object query, Class<V> view) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(view)).join()
                .orElseThrow(() -> new AccessDeniedException(NotYours.DETAIL));
    }
}
