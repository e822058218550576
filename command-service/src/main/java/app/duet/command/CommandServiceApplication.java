package app.duet.command;

import app.duet.access.ApiDocument;
import app.duet.access.ErrorProblems;
import app.duet.access.InputProblems;
import app.duet.access.MetricsAccess;
import app.duet.access.ResourceServerSecurity;
import app.duet.access.StoreUnavailable;
import app.duet.access.StrictJson;
import app.duet.command.everyday.BidWindows;
import app.duet.command.notification.ReminderTimes;
import app.duet.command.session.RevealSettings;
import app.duet.eventstore.AxonUsageReports;
import app.duet.eventstore.EventStoreSchema;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** The write side: takes partners' commands, lets the aggregates decide, appends the events. */
@SpringBootApplication
@Import({EventStoreSchema.class, ResourceServerSecurity.class, InputProblems.class, StrictJson.class, MetricsAccess.class,
        ErrorProblems.class, StoreUnavailable.class, ApiDocument.class})
@EnableConfigurationProperties({BidWindows.class, RevealSettings.class, ReminderTimes.class})
public class CommandServiceApplication {

    /** Its settings live in {@code command-service.yml}, so {@code standalone} can compose them with the others. */
    public static final String CONFIG_NAME = "command-service";

    public static void main(String[] args) {
        AxonUsageReports.switchOff();
        new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
