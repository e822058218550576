package app.duet.query.batch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/** The template every view repository uses: Spring Boot's own backs off for it. */
@Configuration(proxyBeanMethods = false)
class ViewBatchConfiguration {

    @Bean
    MongoTemplate mongoTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
        return new BatchingMongoTemplate(factory, converter);
    }
}
