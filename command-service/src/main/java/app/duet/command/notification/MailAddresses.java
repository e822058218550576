package app.duet.command.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A person's mail address, read from {@code mail_address}: a view the identity module publishes over
 * its accounts (person id and address, nothing else: no name, no password hash) in the database both
 * share, as in docker-compose and standalone. Read at the moment a mail goes out and kept nowhere
 * else, so an address changed or an account closed counts at once.
 */
@Component
class MailAddresses {

    private static final Logger log = LoggerFactory.getLogger(MailAddresses.class);

    private final JdbcClient jdbc;

    MailAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> of(String personId) {
        try {
            return jdbc.sql("SELECT email FROM mail_address WHERE person_id = ?").param(personId).query(String.class).optional();
        } catch (DataAccessException noAccounts) {
            // A database without identity's tables (command-service apart from the issuer): no address is known.
            log.warn("No mail address can be looked up: {}", noAccounts.getMostSpecificCause().getMessage());
            return Optional.empty();
        }
    }
}
