package app.duet.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Carries a request's claim on its idempotency key from the HTTP request into the command's
 * metadata (so every retry of the command has it, on whatever thread), then marks the key as used
 * in the unit of work that appends the command's events. Axon's unit of work runs in a Spring
 * transaction on the event store's data source, and the mark is registered after the handler ran,
 * so it comes after the append in that very transaction: the events and the used key are stored
 * together or not at all. Axon registers both interceptor beans by itself.
 */
@Component
class KeyWithTheEvents implements MessageDispatchInterceptor<CommandMessage<?>>, MessageHandlerInterceptor<CommandMessage<?>> {

    static final String CLAIM_ATTRIBUTE = KeyWithTheEvents.class.getName() + ".claim";

    private final KeyRecords records;

    KeyWithTheEvents(KeyRecords records) {
        this.records = records;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            Object claim = request == null ? null : request.getAttribute(CLAIM_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            return claim instanceof Claim held ? command.andMetaData(held.asMetaData()) : command;
        };
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        Claim claim = Claim.of(unitOfWork.getMessage().getMetaData());
        if (claim != null) {
            unitOfWork.onPrepareCommit(done -> records.committed(claim));
        }
        return result;
    }
}
