package app.duet.command.deadlines;

import app.duet.eventstore.privacy.DataKeys;
import org.axonframework.deadline.DeadlineManager;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A deadline of an erased couple, or of one of its sessions, fires into nothing: it is done without
 * loading the aggregate, whose snapshot can no longer be opened. Otherwise the load would fail, and
 * db-scheduler would retry the deadline every few minutes for ever. Commands meet the same check in
 * {@code privacy.ErasedCouples}.
 */
@Component
class ErasedOwnersDeadlines implements SmartInitializingSingleton {

    private final DeadlineManager deadlines;
    private final DataKeys keys;

    ErasedOwnersDeadlines(DeadlineManager deadlines, DataKeys keys) {
        this.deadlines = deadlines;
        this.keys = keys;
    }

    @Override
    public void afterSingletonsInstantiated() {
        deadlines.registerHandlerInterceptor((unitOfWork, chain) ->
                unitOfWork.getMessage().getPayload() instanceof OwnedDeadline owned && keys.isErasedOwner(owned.ownerId())
                        ? null
                        : chain.proceed());
    }
}
