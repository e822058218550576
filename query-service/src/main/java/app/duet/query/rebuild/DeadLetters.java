package app.duet.query.rebuild;

import app.duet.access.StoreUnavailable;
import app.duet.api.analytics.DeadLetterRetryView;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Events a projection cannot apply do not stop it, nor are they skipped: each goes to the
 * projection's dead-letter queue, and the later events of the same couple (its sequence, the one its
 * segment orders by: {@code ByCouple}) queue up behind it, so that couple's views stand still while
 * every other one goes on. Once the
 * cause is fixed, a retry applies each sequence in order. The queues live in MongoDB beside the
 * projections and their tracking tokens, so they survive a restart with them; an event's personal
 * words stay encrypted there as in the event store, and a failure is kept by its class only, since
 * its message might quote what the event said.
 */
@Component
public class DeadLetters {

    /** The collection Axon's Mongo dead-letter queue keeps every processing group's letters in. */
    static final String COLLECTION = "deadletters";

    private final ObjectProvider<EventProcessingConfiguration> processing;

    DeadLetters(ObjectProvider<EventProcessingConfiguration> processing) {
        this.processing = processing;
    }

    /** One parked event, without its content. */
    public record Letter(String eventType, String aggregateType, String aggregateId, long sequenceNumber, String cause,
                         Instant enqueuedAt, Instant lastTouched) {
    }

    public long count(String projection) {
        return queue(projection).size();
    }

    /** Every parked event of a projection, sequence by sequence, each sequence in its order. */
    public List<Letter> list(String projection) {
        List<Letter> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(projection).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                letters.add(describe(letter));
            }
        }
        return letters;
    }

    /**
     * Applies each parked sequence again, once, from its first event on; a sequence that fails
     * again stays parked from the event that failed (its letter is then touched after the start).
     */
    public DeadLetterRetryView retry(String projection) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.getObject()
                .sequencedDeadLetterProcessor(projection)
                .orElseThrow(() -> new NoSuchElementException("There is no projection called " + projection + "."));
        Instant started = Instant.now();
        long sequences = queue.amountOfSequences();
        int applied = 0;
        for (long tried = 0; tried < sequences; tried++) {
            if (processor.process(letter -> letter.lastTouched().isBefore(started))) {
                applied++;
            }
        }
        return new DeadLetterRetryView(projection, applied, (int) queue.amountOfSequences(), queue.size());
    }

    /**
     * Forgets every parked event of these sequences (an erased couple and its sessions): nothing of an
     * erased couple may stay in the query side's store, not even waiting to be retried.
     */
    public int forget(java.util.Set<String> sequenceIdentifiers) {
        int forgotten = 0;
        for (String projection : Projections.REBUILDABLE) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection);
            for (String sequence : sequenceIdentifiers) {
                List<DeadLetter<? extends EventMessage<?>>> parked = new ArrayList<>();
                queue.deadLetterSequence(sequence).forEach(parked::add);
                parked.forEach(queue::evict);
                forgotten += parked.size();
            }
        }
        return forgotten;
    }

    /** Listens beside the access enforcement, which always runs live, so a parked sequence cannot hold the erasure back. */
    @Component
    @org.axonframework.config.ProcessingGroup(app.duet.query.access.AccessEnforcement.PROCESSING_GROUP)
    static class ErasedCouplesLeaveNone {

        private final DeadLetters deadLetters;
        private final app.duet.eventstore.privacy.DataKeys keys;

        ErasedCouplesLeaveNone(DeadLetters deadLetters, app.duet.eventstore.privacy.DataKeys keys) {
            this.deadLetters = deadLetters;
            this.keys = keys;
        }

        @org.axonframework.eventhandling.EventHandler
        void on(app.duet.api.privacy.CoupleErased event) {
            java.util.Set<String> sequences = new java.util.HashSet<>(keys.ownersOf(event.coupleId()));
            sequences.add(event.coupleId());
            deadLetters.forget(sequences);
        }
    }

    private static Letter describe(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregateType = event instanceof DomainEventMessage<?> domain ? domain.getType() : null;
        String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        long sequenceNumber = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        return new Letter(event.getPayloadType().getSimpleName(), aggregateType, aggregateId, sequenceNumber,
                letter.cause().map(Cause::type).orElse(null), letter.enqueuedAt(), letter.lastTouched());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String projection) {
        if (!Projections.REBUILDABLE.contains(projection)) {
            throw new NoSuchElementException("There is no projection called " + projection + ".");
        }
        return processing.getObject().deadLetterQueue(projection)
                .orElseThrow(() -> new NoSuchElementException("Projection " + projection + " has no dead-letter queue."));
    }

    /** A handler interrupted (Axon's janitor ends a unit of work that hangs) failed for no fault of its event. */
    static boolean wasInterrupted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InterruptedException || cause.getClass().getName().equals("com.mongodb.MongoInterruptedException")) {
                return true;
            }
        }
        return false;
    }

    /** Thrown out of the dead-letter policy so the processor retries the batch instead of parking it. */
    static final class ViewsStoreUnavailable extends RuntimeException {
        ViewsStoreUnavailable(Throwable cause) {
            super("The views' MongoDB cannot be reached: the processor will try again", cause);
        }
    }

    /** Gives every projection its queue in MongoDB, keeps each failure by its class alone, and empties it on a rebuild. */
    @Component
    static class QueuesBesideTheProjections implements ConfigurerModule {

        private final MongoDatabaseFactory mongo;
        private final Serializer events;

        QueuesBesideTheProjections(MongoDatabaseFactory mongo, @Qualifier("eventSerializer") Serializer events) {
            this.mongo = mongo;
            this.events = events;
        }

        @Override
        public void configureModule(org.axonframework.config.Configurer configurer) {
            for (String projection : Projections.REBUILDABLE) {
                configurer.eventProcessing()
                        .registerDeadLetterQueue(projection, configuration -> new app.duet.query.batch.LettersAfterTheBatch(
                                MongoSequencedDeadLetterQueue.builder()
                                        .processingGroup(projection)
                                        .mongoTemplate(DefaultMongoTemplate.builder()
                                                .mongoDatabase(mongo.getMongoDatabase())
                                                .deadLetterCollectionName(COLLECTION)
                                                .build())
                                        .serializer(events)
                                        .<EventMessage<?>>build()))
                        .registerDeadLetterPolicy(projection, configuration -> (letter, failure) -> {
                            if (StoreUnavailable.isCause(failure) || wasInterrupted(failure)) {
                                // MongoDB away is no fault of the event: the processor stops and tries the
                                // batch again (and again) rather than parking every couple's events.
                                throw new ViewsStoreUnavailable(failure);
                            }
                            if (app.duet.query.batch.ViewBatch.willBeAppliedAgain()) {
                                // Nothing of this batch is stored: it is applied again on copies, where a
                                // failure is parked once, as the event it is.
                                return Decisions.doNotEnqueue();
                            }
                            return Decisions.enqueue(new ThrowableCause(failure.getClass().getName(),
                                    "withheld: the message of a failure may quote the event"));
                        })
                        // Projections write to MongoDB, which no JDBC transaction covers: a processor given
                        // the event store's transaction manager stores its token before its handlers run,
                        // so a batch that fails halfway (MongoDB away) would be skipped on retry. Without
                        // one, the token is stored after the batch is applied.
                        .registerTransactionManager(projection, configuration -> NoTransactionManager.instance())
                        // A rebuild replays every event anyway: its queue starts empty too. Without the
                        // cache, every event asks MongoDB whether its sequence is parked (a count per event,
                        // most of a rebuild's round trips); with it, only sequences this segment may have
                        // parked are asked about, and Axon forgets the cache when the segment is released.
                        .registerDeadLetteringEventHandlerInvokerConfiguration(projection,
                                (configuration, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache());
            }
        }
    }
}
