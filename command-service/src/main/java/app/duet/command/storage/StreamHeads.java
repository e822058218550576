package app.duet.command.storage;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/** The sequence number of an aggregate's last stored event: one read of the event table's unique index. */
class StreamHeads {

    private final JdbcClient jdbc;

    StreamHeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> headOf(Object aggregateId) {
        return jdbc.sql("SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregateId.toString()).query(Long.class).optional();
    }
}
