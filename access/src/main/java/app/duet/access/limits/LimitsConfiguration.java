package app.duet.access.limits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * One {@link Limits} per process. {@code duet.access.limits.store}: {@code auto} (the default) keeps
 * buckets in PostgreSQL when the service's database is PostgreSQL (table
 * {@code duet.access.limits.table}, which the service's migrations make) and in this process
 * otherwise (standalone, on H2); {@code memory} keeps them in this process whatever the database.
 */
@Configuration(proxyBeanMethods = false)
public class LimitsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LimitsConfiguration.class);

    @Bean
    Limits limits(ObjectProvider<DataSource> databases,
                  @Value("${spring.datasource.url:}") String databaseUrl,
                  @Value("${duet.access.limits.store:auto}") String store,
                  @Value("${duet.access.limits.table:rate_limit_bucket}") String table,
                  @Value("${duet.access.limits.local-idle:PT2H}") Duration localIdle) {
        DataSource database = databases.getIfUnique();
        boolean shared = "auto".equals(store) && database != null && databaseUrl.startsWith("jdbc:postgresql:");
        Limits limits = shared ? SharedBuckets.in(database, table) : Limits.inThisProcess(localIdle);
        log.info("Rate limits are kept {}.", limits.where());
        return limits;
    }
}
