package app.duet.bench;

import app.duet.api.AggregateType;
import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidResponse;
import app.duet.api.session.Exercise;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.eventstore.privacy.DataKeys;
import app.duet.eventstore.privacy.PersonalDataSerializer;
import app.duet.keys.ErasureLedger;
import app.duet.keys.KeyEncryptionKey;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.crypto.SecretKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a history straight into the event store's tables, as the command side would have stored
 * it (the product's serializer, personal words encrypted with each couple's key, sessions linked to
 * their couple's key) but in batched JDBC inserts, not command by command. Couples take turns: a
 * number of them are in session at once, one event each in turn, and a couple whose session ends
 * makes room for the next one.
 */
final class RebuildHistory {

    private static final int BIDS_PER_SESSION = 20;
    private static final int INSERTS_PER_BATCH = 1000;
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

    private final Serializer serializer;
    private final byte[] emptyMetaData;
    private final JdbcClient jdbc;
    private final String url;
    private final int couples;
    private final int inSession;
    private final Map<String, String> coupleOfSession = new ConcurrentHashMap<>();

    RebuildHistory(ConfigurableApplicationContext commandSide, String url, int couples, int inSession) {
        this.jdbc = commandSide.getBean(JdbcClient.class);
        Jackson3Serializer json = commandSide.getBean("messageSerializer", Jackson3Serializer.class);
        // The product's serializer, with each couple's key read once (the product reads it per event).
        this.serializer = new PersonalDataSerializer(json, new KeysOncePerCouple(jdbc, commandSide.getBean(KeyEncryptionKey.class),
                commandSide.getBean(ErasureLedger.class), coupleOfSession));
        this.emptyMetaData = json.serialize(MetaData.emptyInstance(), byte[].class).getData();
        this.url = url;
        this.couples = couples;
        this.inSession = inSession;
    }

    /** Writes about {@code events} events and returns how many it wrote. */
    long write(long events) throws SQLException {
        List<Couple> all = new ArrayList<>();
        for (int n = 0; n < couples; n++) {
            all.add(new Couple());
        }
        Deque<Couple> waiting = new ArrayDeque<>(all);
        List<Couple> active = new ArrayList<>();
        long written = 0;
        long reported = 0;
        try (Connection connection = DriverManager.getConnection(url + "&reWriteBatchedInserts=true", "duet", "duet")) {
            connection.setAutoCommit(false);
            PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (aggregate_identifier,"
                    + " sequence_number, type, event_identifier, meta_data, payload, payload_revision, payload_type,"
                    + " time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            int inBatch = 0;
            while (written < events) {
                while (active.size() < inSession && !waiting.isEmpty()) {
                    active.add(waiting.poll());
                }
                for (int slot = 0; slot < active.size() && written < events; slot++) {
                    Couple couple = active.get(slot);
                    Stored event = couple.next();
                    add(insert, event, written);
                    written++;
                    if (++inBatch == INSERTS_PER_BATCH) {
                        insert.executeBatch();
                        connection.commit();
                        inBatch = 0;
                    }
                    if (couple.sessionEnded) {
                        couple.sessionEnded = false;
                        waiting.add(couple);
                        active.set(slot, waiting.poll());
                    }
                }
                if (written >= reported + 100_000) {
                    reported = written;
                    System.out.printf("written %d events%n", written);
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        return written;
    }

    private void add(PreparedStatement insert, Stored event, long position) throws SQLException {
        SerializedObject<byte[]> payload = serializer.serialize(event.payload(), byte[].class);
        insert.setString(1, event.aggregateId());
        insert.setLong(2, event.sequence());
        insert.setString(3, event.type().typeName());
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, emptyMetaData);
        insert.setBytes(6, payload.getData());
        insert.setString(7, payload.getType().getRevision());
        insert.setString(8, payload.getType().getName());
        insert.setString(9, T0.plusMillis(position * 50).toString());
        insert.addBatch();
    }

    private record Stored(AggregateType type, String aggregateId, long sequence, Object payload) {
    }

    /** One couple's history, an event at a time: pairing, then sessions of bids and answers, appreciations between. */
    private final class Couple {
        private final String id = UUID.randomUUID().toString();
        private final String alex = UUID.randomUUID().toString();
        private final String sam = UUID.randomUUID().toString();
        private long coupleSequence;
        private String session;
        private long sessionSequence;
        private int step;
        boolean sessionEnded;

        Stored next() {
            if (coupleSequence == 0) {
                return couple(new CoupleCreated(id, alex, "Alex", "K7QF-" + id.substring(0, 4), T0.plusSeconds(604_800)));
            }
            if (coupleSequence == 1) {
                return couple(new PartnerJoinedCouple(id, sam, "Sam"));
            }
            if (session == null) {
                session = UUID.randomUUID().toString();
                sessionSequence = 0;
                step = 0;
                coupleOfSession.put(session, id);
                jdbc.sql("INSERT INTO key_owner (owner_id, couple_id) VALUES (:owner, :couple)")
                        .param("owner", session).param("couple", id).update();
                return session(new SessionStarted(session, id, Exercise.CHECK_IN, List.of(alex, sam), alex));
            }
            int at = step++;
            if (at < 2) {
                return session(new PartnerJoinedSession(session, at == 0 ? alex : sam));
            }
            int bid = (at - 2) / 3;
            if (bid < BIDS_PER_SESSION) {
                String bidId = session + "-" + bid;
                return switch ((at - 2) % 3) {
                    case 0 -> session(new BidMade(session, bidId, alex, sam, "Shall we walk by the river, " + bid + "?"));
                    case 1 -> session(new BidAnswered(session, bidId, sam, BidResponse.TOWARD));
                    default -> couple(new AppreciationExpressed(id, bidId, sam, alex, "Thank you for asking " + bid));
                };
            }
            Stored ended = session(new SessionEnded(session, sam));
            session = null;
            sessionEnded = true;
            return ended;
        }

        private Stored couple(Object payload) {
            return new Stored(AggregateType.COUPLE, id, coupleSequence++, payload);
        }

        private Stored session(Object payload) {
            return new Stored(AggregateType.JOINT_SESSION, session, sessionSequence++, payload);
        }
    }

    /** The product's keys, each couple's read once; a session's words take its couple's key. */
    private static final class KeysOncePerCouple extends DataKeys {

        private final Map<String, String> coupleOfSession;
        private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();

        KeysOncePerCouple(JdbcClient jdbc, KeyEncryptionKey wrapping, ErasureLedger ledger, Map<String, String> coupleOfSession) {
            super(jdbc, wrapping, ledger);
            this.coupleOfSession = coupleOfSession;
        }

        @Override
        public SecretKey keyForWriting(String ownerId, boolean mayCreate) {
            String coupleId = coupleOfSession.getOrDefault(ownerId, ownerId);
            return keys.computeIfAbsent(coupleId, couple -> super.keyForWriting(couple, true));
        }
    }
}
