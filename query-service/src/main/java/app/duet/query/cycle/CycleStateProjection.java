package app.duet.query.cycle;

import app.duet.api.cycle.Phase;
import org.springframework.beans.factory.annotation.Autowired;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.CycleTrendsView;
import app.duet.api.cycle.FindCycleTrends;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.FindCycleEvidence;
import app.duet.api.cycle.FindCycleState;
import app.duet.query.events.CatchingUp;
import app.duet.query.live.ViewPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The cycle states in {@link CycleStateStore#LIVE}; it also answers the queries, from whichever collection serves. */
@Component
@ProcessingGroup(CycleStateProjection.PROCESSING_GROUP)
public class CycleStateProjection extends CycleStateUpdater {

    public static final String PROCESSING_GROUP = "cycle-state";

    private final CycleStateStore store;
    private final List<PhaseReached> listeners;

    public CycleStateProjection(CycleStateStore store, ViewPublisher publisher, CatchingUp catchingUp) {
        this(store, publisher, catchingUp, List.of());
    }

    @Autowired
    public CycleStateProjection(CycleStateStore store, ViewPublisher publisher, CatchingUp catchingUp,
                                List<PhaseReached> listeners) {
        super(store, publisher, CycleStateStore.LIVE, PROCESSING_GROUP);
        this.store = store;
        this.listeners = listeners;
        // Two processors build the cycle state, one into each collection; reads follow the serving one.
        catchingUp.servedBy(PROCESSING_GROUP, Set.of(PROCESSING_GROUP, NextCycleStateProjection.PROCESSING_GROUP),
                () -> CycleStateStore.NEXT.equals(store.serving()) ? NextCycleStateProjection.PROCESSING_GROUP : PROCESSING_GROUP);
    }

    /** The live state's phases, whichever collection serves: the cohort's counts are kept in this processing group. */
    @Override
    protected void phaseReached(String coupleId, Phase phase) {
        listeners.forEach(listener -> listener.reached(coupleId, phase));
    }

    @QueryHandler
    public Optional<CycleStateView> handle(FindCycleState query) {
        return store.find(store.serving(), query.coupleId()).map(CycleStateDocument::toView);
    }

    @QueryHandler
    public Optional<CycleTrendsView> handle(FindCycleTrends query) {
        return store.find(store.serving(), query.coupleId()).map(CycleStateDocument::trends);
    }

    @QueryHandler
    public List<EvidenceRefView> handle(FindCycleEvidence query) {
        return store.find(store.serving(), query.coupleId()).map(state -> state.evidenceFor(query.figure()))
                .orElse(List.of());
    }
}
