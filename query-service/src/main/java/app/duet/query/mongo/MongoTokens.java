package app.duet.query.mongo;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Tracking tokens live in MongoDB beside the projections they describe, not with the events: a
 * Mongo that starts empty (standalone's in-process one, or a wiped database) then has no tokens
 * either, and the processors rebuild every view from the first event. Handlers are idempotent, so a
 * token saved a moment after its documents re-applies nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class MongoTokens {

    @Bean
    TokenStore tokenStore(MongoDatabaseFactory mongo, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongo.getMongoDatabase())
                        .build())
                .serializer(serializer)
                .build();
    }
}
