package app.duet.testing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stored events as rows, exactly as a build wrote them, and how that build read each one back.
 * A fixture file is one event store: the rows of the event and snapshot tables and of the couples'
 * data keys (personal fields are encrypted, so events without their keys prove nothing), then one
 * "read" line per event with the payload as the writing build deserialized it. A later build loads
 * the rows into a fresh store and must read every event back the same.
 *
 * <p>The format is deliberately plain text, independent of any JSON library a build uses: lines of
 * tab-separated {@code kind, table or event id, column=value...}, values escaped so a tab or a line
 * break never occurs inside one.
 */
public final class StoredEventsFixture {

    /** The tables a fixture holds, in the order they must be loaded. */
    public static final List<String> TABLES = List.of("couple_key", "key_owner", "domain_event_entry", "snapshot_event_entry");

    /** One row of a stored table; values are strings, base64 byte arrays ({@code b:}) or timestamps ({@code t:}). */
    public record Row(String table, Map<String, String> values) {
    }

    /** How the writing build read one event: its type, revision and payload's {@code toString()}. */
    public record Reading(String eventId, String aggregateId, long sequence, String payloadType, String payload) {
    }

    public record Contents(List<Row> rows, List<Reading> readings) {
    }

    private StoredEventsFixture() {
    }

    /**
     * Where a run is asked to keep its stores ({@code -Dduet.fixtures.write=DIR}), writes the store of
     * this application as {@code DIR/name.events}; otherwise does nothing.
     */
    public static void writeIfAsked(org.springframework.context.ApplicationContext application, String name) {
        String directory = System.getProperty("duet.fixtures.write");
        if (directory != null) {
            write(application.getBean(JdbcClient.class), application.getBean(EventStorageEngine.class),
                    Path.of(directory, name + ".events"));
        }
    }

    /** Writes every row of the store and how {@code engine} reads each event back. */
    public static void write(JdbcClient jdbc, EventStorageEngine engine, Path file) {
        List<String> lines = new ArrayList<>();
        for (String table : TABLES) {
            jdbc.sql("SELECT * FROM " + table).query(resultSet -> {
                ResultSetMetaData columns = resultSet.getMetaData();
                StringBuilder line = new StringBuilder("row\t").append(table);
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    line.append('\t').append(columns.getColumnLabel(i).toLowerCase()).append('=')
                            .append(encode(resultSet.getObject(i), columns.getColumnType(i)));
                }
                lines.add(line.toString());
            });
        }
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            events.forEach(event -> {
                DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
                lines.add(String.join("\t", "read", escape(domain.getIdentifier()), escape(domain.getAggregateIdentifier()),
                        Long.toString(domain.getSequenceNumber()), escape(domain.getPayloadType().getName()),
                        escape(String.valueOf(domain.getPayload()))));
            });
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    public static Contents read(Path file) {
        List<Row> rows = new ArrayList<>();
        List<Reading> readings = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                if (fields[0].equals("row")) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int i = 2; i < fields.length; i++) {
                        int equals = fields[i].indexOf('=');
                        values.put(fields[i].substring(0, equals), fields[i].substring(equals + 1));
                    }
                    rows.add(new Row(fields[1], values));
                } else {
                    readings.add(new Reading(unescape(fields[1]), unescape(fields[2]), Long.parseLong(fields[3]),
                            unescape(fields[4]), unescape(fields[5])));
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return new Contents(rows, readings);
    }

    /** Inserts the rows into a store whose schema Flyway made, as the writing build left them. */
    public static void load(JdbcClient jdbc, List<Row> rows) {
        for (Row row : rows) {
            String columns = String.join(", ", row.values().keySet());
            String parameters = row.values().keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", "));
            JdbcClient.StatementSpec insert = jdbc.sql("INSERT INTO " + row.table() + " (" + columns + ") VALUES (" + parameters + ")");
            for (Map.Entry<String, String> value : row.values().entrySet()) {
                insert = insert.param(value.getKey(), decode(value.getValue()));
            }
            insert.update();
        }
    }

    private static String encode(Object value, int sqlType) {
        if (value == null) {
            return "n:";
        }
        if (value instanceof byte[] bytes) {
            return "b:" + Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Timestamp timestamp) {
            return "t:" + timestamp.toInstant();
        }
        if (sqlType == Types.BIGINT || sqlType == Types.INTEGER) {
            return "l:" + value;
        }
        if (value instanceof Boolean bool) {
            return "z:" + bool;
        }
        return "s:" + escape(value.toString());
    }

    private static Object decode(String encoded) {
        String value = encoded.substring(2);
        return switch (encoded.charAt(0)) {
            case 'n' -> null;
            case 'b' -> Base64.getDecoder().decode(value);
            case 't' -> Timestamp.from(java.time.Instant.parse(value));
            case 'l' -> Long.parseLong(value);
            case 'z' -> Boolean.parseBoolean(value);
            default -> unescape(value);
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
