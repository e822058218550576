package app.duet.query.mongo;

import app.duet.query.batch.ViewsBeforeTokens;
import app.duet.query.events.ThisInstance;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Tracking tokens live in MongoDB beside the projections they describe, not with the events: a
 * Mongo that starts empty (a wiped database, or the in-process one without a file) then has no
 * tokens either, and the processors rebuild every view from the first event. Handlers are
 * idempotent, so a token saved a moment after its documents re-applies nothing twice. On the views
 * file, no request (a token's write included) is served during a commit of the file (see {@link ViewsFile}).
 */
@Configuration(proxyBeanMethods = false)
class MongoTokens {

    /**
     * A processor a batch or more behind the head carries its views on to its next batch: the head is
     * asked of the event store, looked up late, as its engine is built from the Axon configuration.
     */
    @Bean
    TokenStore tokenStore(MongoDatabaseFactory mongo, Serializer serializer, ThisInstance instance,
                          ObjectProvider<EventStorageEngine> events, @Value("${duet.projections.batch-size:100}") int batchSize,
                          @Value("${duet.projections.carry-batches:true}") boolean carryBatches) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongo.getMongoDatabase())
                        .build())
                .serializer(serializer)
                // Claims are this instance's by its name; standalone's name is the views file's owner (ThisInstance).
                .nodeId(instance.id());
        ViewsBeforeTokens.CatchUp catchUp = new ViewsBeforeTokens.CatchUp(
                () -> headPosition(events.getObject()), batchSize);
        return new ViewsBeforeTokens(builder.build(), carryBatches ? catchUp : ViewsBeforeTokens.CatchUp.NEVER);
    }

    private static long headPosition(EventStorageEngine events) {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
