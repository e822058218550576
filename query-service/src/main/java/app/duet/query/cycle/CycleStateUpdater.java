package app.duet.query.cycle;

import app.duet.api.cycle.Phase;
import app.duet.api.AggregateType;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.session.SessionStarted;
import app.duet.query.events.SessionCouples;
import app.duet.query.live.ViewPublisher;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;

import java.util.Optional;

/**
 * Keeps cycle states in one collection from the couple's events and its sessions'. The rules are in
 * {@link CycleStateRules}; this finds the state an event belongs to, applies the event once, and, while
 * its collection serves, pushes what changed to the couple's cycle topic. Two of these run in their
 * own processing groups (see {@link CycleStateStore}), so one can be rebuilt while the other serves.
 */
abstract class CycleStateUpdater {

    private final CycleStateStore store;
    private final ViewPublisher publisher;
    private final String collection;
    private final String processingGroup;
    /**
     * Which couple a session belongs to, from its start: a session's event then finds its state by the
     * couple's id (read once per batch) instead of by a query on the states' sessions, which would
     * store the batch's changes first. Sessions started before this instance ran are found by the query.
     */
    private final SessionCouples sessions = new SessionCouples();

    CycleStateUpdater(CycleStateStore store, ViewPublisher publisher, String collection, String processingGroup) {
        this.store = store;
        this.publisher = publisher;
        this.collection = collection;
        this.processingGroup = processingGroup;
    }

    @EventHandler
    public void on(Object event, EventMessage<?> message, ReplayStatus replay) {
        if (!(message instanceof DomainEventMessage<?> domain) || event instanceof CoupleErased) {
            return;
        }
        stateOf(event, domain).ifPresent(state -> {
            boolean pushing = !replay.isReplay() && collection.equals(store.serving());
            // What the screens were shown, to push only what this event made different.
            CycleStateView before = pushing && state.applied().version() > 0 ? state.changedPart() : null;
            Phase phaseBefore = state.phase();
            CycleStateRules.Applied applied = new CycleStateRules(state).applyOnce(domain);
            CycleStateView after = pushing ? state.changedPart() : null;
            if (applied != CycleStateRules.Applied.BEFORE) {
                store.save(collection, state);
                if (state.phase() != phaseBefore) {
                    phaseReached(state.coupleId(), state.phase());
                }
            }
            if (applied == CycleStateRules.Applied.VISIBLY && pushing) {
                publisher.publish(before, after, processingGroup);
            }
        });
    }

    /** A couple's state entered a phase; only the state that serves analysts tells anyone. */
    protected void phaseReached(String coupleId, Phase phase) {
    }

    /** An erased couple's cycle state goes with it: nothing of it stays, for analysts either. */
    @EventHandler
    public void on(CoupleErased event) {
        sessions.forget(event.coupleId());
        store.delete(collection, event.coupleId());
    }

    @ResetHandler
    public void reset() {
        store.deleteAll(collection);
    }

    /** The couple's own events carry its id; a session's events are found by the session. */
    private Optional<CycleStateDocument> stateOf(Object event, DomainEventMessage<?> message) {
        String aggregateId = message.getAggregateIdentifier();
        if (AggregateType.COUPLE.matches(message.getType())) {
            return Optional.of(store.find(collection, aggregateId).orElseGet(() -> store.newState(aggregateId)));
        }
        if (event instanceof SessionStarted started) {
            sessions.started(started.sessionId(), started.coupleId());
            return store.find(collection, started.coupleId());
        }
        return sessions.coupleOf(aggregateId).map(coupleId -> store.find(collection, coupleId))
                .orElseGet(() -> store.findBySession(collection, aggregateId));
    }
}
