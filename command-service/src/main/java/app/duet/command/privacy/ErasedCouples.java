package app.duet.command.privacy;

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
 * couple was erased, but the key store does, and every command is checked against it (on every
 * instance, from the database) before it reaches an aggregate.
 */
@Component
class ErasedCouples implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final DataKeys keys;

    ErasedCouples(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String target = targets.resolveTarget(unitOfWork.getMessage()).getIdentifier();
        if (keys.isErasedOwner(target)) {
            throw new CoupleErasedException(target);
        }
        return chain.proceed();
    }
}
