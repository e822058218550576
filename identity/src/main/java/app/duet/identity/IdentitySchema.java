package app.duet.identity;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Migrates the identity tables with a Flyway of its own (own history table), so it never mixes
 * with the event store's migrations when both share a database, as in standalone.
 */
@Component
class IdentitySchema implements InitializingBean {

    private final DataSource dataSource;

    IdentitySchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/identity")
                .table("identity_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
