package app.duet.command.jointsession;

import app.duet.api.session.SessionStarted;
import app.duet.command.exercise.BabySteps;
import app.duet.command.exercise.LettingGo;
import app.duet.command.exercise.ShapedEntries;
import app.duet.command.exercise.TurningPoints;
import app.duet.command.session.EntriesAndReveals;
import app.duet.command.session.Presence;
import app.duet.command.session.RevealCountdowns;
import app.duet.command.session.SessionBids;
import app.duet.command.session.SessionEntries;
import app.duet.command.session.SessionFacts;
import app.duet.command.storage.AggregateStorage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import java.io.Serializable;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * One live exercise run by the two partners of a couple, perhaps watched by their therapist.
 * Started only by its {@code Couple}. Each feature of a session is a member with its own handlers,
 * in the package of its feature (the session's mechanics in {@code session}, what partners do in
 * an exercise in {@code exercise}); they hold what their rules need (who is present and where, each
 * entry's step and whether it reached the partner, the countdowns to reveals, the turning points,
 * baby steps, pacts and bids), never the words.
 */
@Aggregate(cache = AggregateStorage.SESSION_CACHE, snapshotTriggerDefinition = AggregateStorage.SNAPSHOT_TRIGGER)
public class JointSession implements Serializable {

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

    /** A session begins with the event its couple made starting it ({@code session.CoupleSessions}). */
    public JointSession(SessionStarted started) {
        apply(started);
    }

    /** Starts a new session from a handler of its couple, as a new aggregate of its own. */
    public static void start(SessionStarted started) throws Exception {
        createNew(JointSession.class, () -> new JointSession(started));
    }

    /** Every member exists from the start: Axon routes a command to a member only once it is there. */
    @EventSourcingHandler
    void on(SessionStarted event) {
        SessionFacts session = SessionFacts.of(event);
        SessionEntries entries = new SessionEntries(session);
        RevealCountdowns countdowns = new RevealCountdowns(session);
        sessionId = session.sessionId();
        presence = new Presence(session, countdowns);
        bids = new SessionBids(session, presence);
        entriesAndReveals = new EntriesAndReveals(session, presence, entries, countdowns);
        shapedEntries = new ShapedEntries(session, presence, entries);
        turningPoints = new TurningPoints(session, presence);
        babySteps = new BabySteps(session, presence, entries);
        lettingGo = new LettingGo(session, presence);
    }
}
