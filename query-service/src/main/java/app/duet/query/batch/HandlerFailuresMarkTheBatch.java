package app.duet.query.batch;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * Tells a processor's {@link ViewBatch} that one of its event handlers failed, before any error
 * handler or dead-letter queue sees the failure: whatever catches it later, the batch knows a
 * document it holds may be half changed. Found on the classpath (META-INF/services), as Axon finds
 * handler enhancers, so every event handler has it, in Spring and in plain invokers alike.
 */
public class HandlerFailuresMarkTheBatch implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                try {
                    return super.handle(message, target);
                } catch (Exception | Error failure) {
                    ViewBatch.handlerFailed();
                    throw failure;
                }
            }
        };
    }
}
