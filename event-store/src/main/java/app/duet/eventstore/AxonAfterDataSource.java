package app.duet.eventstore;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Orders Axon's JDBC event store after Boot's data source. Axon 4.13 orders its auto-configuration
 * after Boot 3's class names ({@code org.springframework.boot.autoconfigure.jdbc...}), which Boot 4
 * moved; without this its {@code @ConditionalOnBean(DataSource.class)} is judged before any data
 * source exists and no event store is built. This class holds no beans: it only stands between the
 * two in the auto-configuration order.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
public class AxonAfterDataSource {
}
