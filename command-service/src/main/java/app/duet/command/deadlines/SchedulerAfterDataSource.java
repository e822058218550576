package app.duet.command.deadlines;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Orders db-scheduler's auto-configuration after Boot's data source. Its starter (16.7.1, the Boot 3
 * line: the Boot 4 one is not on Maven Central) orders itself after Boot 3's class name
 * ({@code org.springframework.boot.autoconfigure.jdbc...}), which Boot 4 moved, so its
 * {@code @ConditionalOnBean(DataSource.class)} would be judged wherever the sort happens to put it;
 * were it judged first, no scheduler would be built and Axon would quietly fall back to its in-memory
 * deadline manager. Axon's own {@code AxonDbSchedulerAutoConfiguration} already comes after
 * db-scheduler's (event-store's {@code AxonAfterDataSource} does the same for Axon). No beans here.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration")
public class SchedulerAfterDataSource {
}
