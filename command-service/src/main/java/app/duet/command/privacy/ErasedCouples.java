package app.duet.command.privacy;

import app.duet.api.privacy.EraseCoupleAgain;
import app.duet.command.storage.AggregateCaches;
import app.duet.eventstore.privacy.CoupleErasedException;
import app.duet.eventstore.privacy.DataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.stereotype.Component;

/**
 * Nothing more happens in an erased couple or any of its sessions: a session does not know its
 * couple was erased, but the key store does, and every command is checked against it before it
 * reaches an aggregate. The check reads the couple's key row from the database, on every instance,
 * in the command's own transaction, and that one read also serves the encryption of the command's
 * events ({@link DataKeys}): one primary-key lookup per command, whatever the history, and no
 * instance acts on a couple another one erased. An erased couple found here also leaves this
 * instance's aggregate caches, so nothing of it stays served or held from memory.
 */
@Component
class ErasedCouples implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final DataKeys keys;
    private final AggregateCaches caches;

    ErasedCouples(DataKeys keys, AggregateCaches caches) {
        this.keys = keys;
        this.caches = caches;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String target = targets.resolveTarget(unitOfWork.getMessage()).getIdentifier();
        // Erasing again what the ledger says is erased is the one thing an erased couple still takes.
        if (keys.isErasedOwner(target) && !(unitOfWork.getMessage().getPayload() instanceof EraseCoupleAgain)) {
            caches.drop(target);
            keys.coupleOfOwner(target).ifPresent(caches::drop);
            throw new CoupleErasedException(target);
        }
        return chain.proceed();
    }
}
