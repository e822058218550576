package app.duet.standalone;

import app.duet.command.CommandServiceApplication;
import app.duet.eventstore.AxonUsageReports;
import app.duet.identity.IdentityApplication;
import app.duet.query.QueryServiceApplication;
import app.duet.standalone.backup.Backups;
import app.duet.web.WebClientApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * All of Duet in one JVM on port 8080: the services' and the issuer's own configurations, composed, with
 * {@code standalone.yml} laid over them to swap in the embedded stores. Both sides share one Axon
 * configuration, so a commit wakes the projections directly, without PostgreSQL's notifications.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({IdentityApplication.class, CommandServiceApplication.class, QueryServiceApplication.class,
        WebClientApplication.class, Backups.class, OwnerOnlyFolders.class})
public class StandaloneApplication {

    /** Later names override earlier ones, so standalone's settings win. */
    static final String CONFIG_NAMES = String.join(",", IdentityApplication.CONFIG_NAME, CommandServiceApplication.CONFIG_NAME,
            QueryServiceApplication.CONFIG_NAME, WebClientApplication.CONFIG_NAME, "standalone");

    static {
        // Before any data source can open the store, however the application is started.
        SyncedH2Files.register();
    }

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        AxonUsageReports.switchOff();
        SyncedH2Files.register();
        return new SpringApplicationBuilder(StandaloneApplication.class)
                .properties("spring.config.name=" + CONFIG_NAMES)
                .run(args);
    }
}
