package app.duet.command.storage;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What keeps a command's cost flat however long its aggregate's history: each aggregate repository
 * has a cache of its own with a size bound ({@code duet.command.aggregate-cache-size} per kind; 0 for
 * none), and a snapshot is taken every {@code duet.command.snapshot-every} events, so an aggregate not
 * in the cache (another instance's, or after a restart) is read from its snapshot and the few events
 * after it. Snapshots are sealed with the couple's key (event-store's {@code SealedSnapshots}).
 * <p>
 * A cached aggregate is used only while it is at its stream's head (one indexed read a command): one
 * behind, because another instance appended to its stream, is read again ({@link BoundedCache}). Should
 * another instance append between that read and this append, the unique key refuses the second
 * sequence number, Axon raises a ConcurrencyException and the command is retried ({@code CommandRetry})
 * on an aggregate read afresh. Nothing is lost, written twice, or refused on a stale state.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AggregateStorage {

    /** The bean names the aggregate roots' {@code @Aggregate} annotations refer to. */
    public static final String COUPLE_CACHE = "coupleCache";
    public static final String SESSION_CACHE = "sessionCache";
    public static final String INBOX_CACHE = "inboxCache";
    public static final String SNAPSHOT_TRIGGER = "snapshotEveryFewEvents";

    private final int cacheSize;
    private final StreamHeads heads;

    AggregateStorage(@Value("${duet.command.aggregate-cache-size:1000}") int cacheSize, JdbcClient jdbc) {
        this.cacheSize = cacheSize;
        this.heads = new StreamHeads(jdbc);
    }

    @Bean(COUPLE_CACHE)
    Cache coupleCache() {
        return boundedCache();
    }

    @Bean(SESSION_CACHE)
    Cache sessionCache() {
        return boundedCache();
    }

    @Bean(INBOX_CACHE)
    Cache inboxCache() {
        return boundedCache();
    }

    private Cache boundedCache() {
        return cacheSize > 0 ? new BoundedCache(cacheSize, heads) : NoCache.INSTANCE;
    }

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition snapshotEveryFewEvents(SpringAggregateSnapshotter snapshotter,
                                                     @Value("${duet.command.snapshot-every:50}") int events) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, events);
    }

    /** One thread, apart from the commands: a snapshot is written after the command that called for it has answered. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotWriter() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "snapshot-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Axon's own snapshotter, as its auto-configuration builds it, but writing on {@link #snapshotWriter()}. */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory, EventStore eventStore,
                                                    TransactionManager transactionManager, SnapshotterSpanFactory spanFactory,
                                                    ExecutorService snapshotWriter) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotWriter)
                .build();
    }

    /** Both caches, for whoever must drop an aggregate at once (an erased couple's). */
    @Bean
    AggregateCaches aggregateCaches(List<Cache> caches) {
        return new AggregateCaches(caches);
    }
}
