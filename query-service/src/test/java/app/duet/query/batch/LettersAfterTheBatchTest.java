package app.duet.query.batch;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event queued behind its couple's parked one, in a batch that keeps its documents as objects, is
 * written to the dead-letter queue once the batch is stored: a batch refused after a handler failed
 * writes none, and applied again on copies it writes each once.
 */
class LettersAfterTheBatchTest {

    private static final String COUPLE = "couple-1";

    private final InMemorySequencedDeadLetterQueue<EventMessage<?>> stored = InMemorySequencedDeadLetterQueue.defaultQueue();
    private final LettersAfterTheBatch letters = new LettersAfterTheBatch(stored);
    private final String segment = "Processor[letters-" + UUID.randomUUID() + "]/SegmentId";

    @Test
    void aRefusedBatchParksNothingAndItsCopiesParkEachEventOnce() {
        stored.enqueue(COUPLE, letter("the parked one"));

        Object refused = batch(List.of(event("behind it"), event("a failure elsewhere")), true);
        assertThat(refused).as("the batch kept objects and a handler failed").isInstanceOf(AppliedAgainOnCopies.class);
        assertThat(stored.sequenceSize(COUPLE)).as("nothing written by the refused batch").isEqualTo(1);

        assertThat(batch(List.of(event("behind it"), event("a failure elsewhere")), true)).isNull();
        assertThat(stored.sequenceSize(COUPLE)).as("the event behind the parked one, written once").isEqualTo(2);
    }

    @Test
    void aBatchThatIsStoredWritesItsLettersWithIt() {
        stored.enqueue(COUPLE, letter("the parked one"));

        assertThat(batch(List.of(event("behind it")), false)).isNull();

        assertThat(stored.sequenceSize(COUPLE)).isEqualTo(2);
        assertThat(letters.enqueueIfPresent("another couple", () -> letter("nothing parked there"))).isFalse();
    }

    /** As a tracking processor's batch: each event of the couple queues behind its parked one; the last fails if asked to. */
    private Object batch(List<EventMessage<?>> events, boolean lastFails) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.resources().put(segment, 0);
        var result = unitOfWork.executeWithResult(() -> {
            ViewBatch.current();
            EventMessage<?> event = unitOfWork.getMessage();
            if (lastFails && event == events.get(events.size() - 1)) {
                ViewBatch.handlerFailed();
            } else {
                letters.enqueueIfPresent(COUPLE, () -> new GenericDeadLetter<>(COUPLE, event));
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        return result.isExceptional() ? result.exceptionResult() : null;
    }

    private static DeadLetter<EventMessage<?>> letter(String what) {
        return new GenericDeadLetter<>(COUPLE, event(what));
    }

    private static EventMessage<?> event(String what) {
        return GenericEventMessage.asEventMessage(what);
    }
}
