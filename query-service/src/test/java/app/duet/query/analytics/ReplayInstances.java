package app.duet.query.analytics;

import com.mongodb.client.MongoClient;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.simp.SimpMessagingTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.mockito.Mockito.mock;

/**
 * Replays on one in-process MongoDB database, emptied first, with a clock the test moves: as many
 * instances as a test starts, each with its own pushes and frame scheduler.
 */
final class ReplayInstances {

    static final Duration LEASE = Duration.ofSeconds(6);

    final SettableClock clock = new SettableClock();
    final ReplayStore store;

    ReplayInstances(MongoClient client, String database) {
        MongoTemplate mongo = new MongoTemplate(client, database);
        mongo.getDb().drop();
        store = new ReplayStore(mongo);
    }

    /** One instance: its replays, what it pushed (a mock to verify) and its frames' scheduler, run by hand. */
    record Instance(Replays replays, SimpMessagingTemplate pushes, ManualScheduler frames) {
    }

    Instance start() {
        SimpMessagingTemplate pushes = mock(SimpMessagingTemplate.class);
        ManualScheduler frames = new ManualScheduler();
        return new Instance(new Replays(store, pushes, UUID.randomUUID().toString(), frames, clock, Duration.ofSeconds(60),
                new Replays.Keeping(LEASE, Duration.ofHours(1))), pushes, frames);
    }
}
