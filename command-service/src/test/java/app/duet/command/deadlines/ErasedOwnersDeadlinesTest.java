package app.duet.command.deadlines;

import app.duet.command.everyday.BidWindow;
import app.duet.eventstore.privacy.DataKeys;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A deadline of an erased couple (or of its session) is done without reaching its aggregate; any other runs. */
class ErasedOwnersDeadlinesTest {

    private final DataKeys keys = mock(DataKeys.class);
    private final InterceptorChain chain = mock(InterceptorChain.class);
    private MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor;

    @BeforeEach
    @SuppressWarnings({"unchecked", "rawtypes"})
    void registerOnTheDeadlineManager() {
        DeadlineManager deadlines = mock(DeadlineManager.class);
        new ErasedOwnersDeadlines(deadlines, keys).afterSingletonsInstantiated();
        ArgumentCaptor<MessageHandlerInterceptor> registered = ArgumentCaptor.forClass(MessageHandlerInterceptor.class);
        verify(deadlines).registerHandlerInterceptor(registered.capture());
        interceptor = registered.getValue();
        when(keys.isErasedOwner("session-of-an-erased-couple")).thenReturn(true);
    }

    @Test
    void aDeadlineOfAnErasedOwnerFiresIntoNothing() throws Exception {
        assertThat(fire(new BidWindow("session-of-an-erased-couple", "bid-1"))).isNull();
        verify(chain, never()).proceed();
    }

    @Test
    void aDeadlineOfAnyOtherOwnerReachesItsAggregate() throws Exception {
        when(chain.proceed()).thenReturn("handled");
        assertThat(fire(new BidWindow("couple-1", "bid-1"))).isEqualTo("handled");
    }

    private Object fire(Object payload) throws Exception {
        DeadlineMessage<?> deadline = GenericDeadlineMessage.asDeadlineMessage(BidWindow.BETWEEN_SESSIONS, payload);
        return interceptor.handle(new DefaultUnitOfWork<>(deadline), chain);
    }
}
