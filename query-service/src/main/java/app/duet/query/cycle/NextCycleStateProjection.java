package app.duet.query.cycle;

import app.duet.query.live.ViewPublisher;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/**
 * The same rules into {@link CycleStateStore#NEXT}: idle until an analyst builds a new version
 * beside the live one, then kept up to date, and switched to when it has caught up.
 */
@Component
@ProcessingGroup(NextCycleStateProjection.PROCESSING_GROUP)
public class NextCycleStateProjection extends CycleStateUpdater {

    public static final String PROCESSING_GROUP = "cycle-state-next";

    public NextCycleStateProjection(CycleStateStore store, ViewPublisher publisher) {
        super(store, publisher, CycleStateStore.NEXT, PROCESSING_GROUP);
    }
}
