package app.duet.command.session;

import app.duet.api.session.Exercise;
import app.duet.api.session.SessionStarted;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One live exercise run by the two partners of a couple, perhaps watched by their therapist.
 * Started only by its {@code Couple}. Each feature of a session is a member with its own handlers;
 * they hold what their rules need (who is present and where, each entry's step and whether it reached
 * the partner, the turning points, baby steps, pacts and bids), never the words.
 */
@Aggregate
public class JointSession {

    @AggregateIdentifier
    private String sessionId;
    @AggregateMember
    private Presence presence;
    @AggregateMember
    private SessionBids bids;
    @AggregateMember
    private EntriesAndReveals entriesAndReveals;
    @AggregateMember
    private ShapedEntries shapedEntries;
    @AggregateMember
    private TurningPoints turningPoints;
    @AggregateMember
    private BabySteps babySteps;
    @AggregateMember
    private LettingGo lettingGo;

    protected JointSession() {
        // Axon rebuilds the session from its events.
    }

    public JointSession(String sessionId, String coupleId, Exercise exercise, List<String> partnerIds,
                        String startedBy) {
        apply(new SessionStarted(sessionId, coupleId, exercise, partnerIds, startedBy));
    }

    /** Every member exists from the start: Axon routes a command to a member only once it is there. */
    @EventSourcingHandler
    void on(SessionStarted event) {
        SessionFacts session = SessionFacts.of(event);
        SessionEntries entries = new SessionEntries(session);
        sessionId = session.sessionId();
        presence = new Presence(session);
        bids = new SessionBids(session, presence);
        entriesAndReveals = new EntriesAndReveals(session, presence, entries);
        shapedEntries = new ShapedEntries(session, presence, entries);
        turningPoints = new TurningPoints(session, presence);
        babySteps = new BabySteps(session, presence, entries);
        lettingGo = new LettingGo(session, presence);
    }
}
