package app.duet.query;

import app.duet.access.ApiDocument;
import app.duet.access.ErrorProblems;
import app.duet.access.InputProblems;
import app.duet.access.MetricsAccess;
import app.duet.access.ResourceServerSecurity;
import app.duet.access.StoreUnavailable;
import app.duet.access.StrictJson;
import app.duet.eventstore.AxonUsageReports;
import app.duet.eventstore.EventStoreSchema;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** The read side: projections, queries, and the live pushes to partners' screens. */
@SpringBootApplication
@Import({EventStoreSchema.class, ResourceServerSecurity.class, InputProblems.class, StrictJson.class, MetricsAccess.class,
        ErrorProblems.class, StoreUnavailable.class, ApiDocument.class})
public class QueryServiceApplication {

    /** Its settings live in {@code query-service.yml}, so {@code standalone} can compose them with the others. */
    public static final String CONFIG_NAME = "query-service";

    public static void main(String[] args) {
        AxonUsageReports.switchOff();
        new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
