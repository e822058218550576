package app.duet.command.storage;

import app.duet.api.session.BidMade;
import app.duet.command.couple.Couple;
import app.duet.command.jointsession.JointSession;
import app.duet.eventstore.privacy.CoupleErasedException;
import app.duet.testing.CommandClient;
import app.duet.testing.PostgresTestDatabase;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Snapshots and aggregate caches with several command-service instances on one PostgreSQL: a
 * snapshot is sealed with the couple's key and, once any instance erased the couple, neither it nor
 * a cached aggregate is of use anywhere; a cache behind the store costs a retry, never an event.
 */
class SnapshotsAndCachesOnPostgresTest {

    @Test
    void snapshotsAreSealedAndNeitherThemNorCachedAggregatesServeACoupleErasedOnAnotherInstance() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.freshSchemaOrSkip();
             ConfigurableApplicationContext first = database.startCommandService("duet.command.snapshot-every=5");
             ConfigurableApplicationContext second = database.startCommandService("duet.command.snapshot-every=5")) {
            CommandClient viaFirst = new CommandClient(baseUrl(first));
            CommandClient viaSecond = new CommandClient(baseUrl(second));
            String alex = UUID.randomUUID().toString();
            String sam = UUID.randomUUID().toString();
            CommandClient.PairedSession paired = viaFirst.pairAndJoinSession(alex, sam);
            String session = paired.sessionId();
            String couple = paired.coupleId();
            for (int n = 0; n < 8; n++) {
                viaFirst.post(n % 2 == 0 ? alex : sam, "/api/commands/sessions/" + session + "/bids", "{\"words\":\"our secret " + n + "\"}");
                viaFirst.post(alex, "/api/commands/couples/" + couple + "/appreciations", "{\"words\":\"thank you " + n + "\"}");
            }
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> snapshots(jdbc, session) == 1 && snapshots(jdbc, couple) == 1);
            for (String aggregate : List.of(session, couple)) {
                Map<String, Object> row = jdbc.sql("SELECT payload, payload_revision FROM snapshot_event_entry WHERE aggregate_identifier = :id")
                        .param("id", aggregate).query().singleRow();
                assertThat((String) row.get("payload_revision")).startsWith("sealed-v1:");
                assertThat(new String((byte[]) row.get("payload"), StandardCharsets.ISO_8859_1)).as("sealed, not Java's plain serial form")
                        .doesNotContain("app.duet").doesNotContain("java.util").doesNotContain(alex).doesNotContain(sam);
            }

            // The second instance has nothing cached: it reads both aggregates from their snapshots, then caches them.
            viaSecond.post(sam, "/api/commands/sessions/" + session + "/bids", "{\"words\":\"from the other instance\"}");
            viaSecond.post(sam, "/api/commands/couples/" + couple + "/appreciations", "{\"words\":\"and you\"}");
            EventStorageEngine storeOfSecond = second.getBean(EventStorageEngine.class);
            assertThat(storeOfSecond.readSnapshot(session).map(DomainEventMessage::getPayload).orElseThrow()).isInstanceOf(JointSession.class);
            assertThat(storeOfSecond.readSnapshot(couple).map(DomainEventMessage::getPayload).orElseThrow()).isInstanceOf(Couple.class);
            AggregateCaches cachesOfSecond = second.getBean(AggregateCaches.class);
            assertThat(cachesOfSecond.holds(session)).isTrue();
            assertThat(cachesOfSecond.holds(couple)).isTrue();

            viaFirst.post(alex, "/api/commands/couples/" + couple + "/erase", null);

            // The second instance has read the couple's key before; a snapshot is opened with the key as stored now.
            for (String aggregate : List.of(session, couple)) {
                assertThatThrownBy(() -> storeOfSecond.readSnapshot(aggregate).map(DomainEventMessage::getPayload))
                        .satisfies(failure -> assertThat(causes(failure)).anyMatch(CoupleErasedException.class::isInstance));
            }
            // Its cached aggregates are refused at once, and dropped.
            assertThat(viaSecond.send(sam, "/api/commands/sessions/" + session + "/bids", "{\"words\":\"too late\"}").statusCode())
                    .isEqualTo(410);
            assertThat(cachesOfSecond.holds(session)).isFalse();
            assertThat(cachesOfSecond.holds(couple)).isFalse();
            assertThat(viaSecond.send(sam, "/api/commands/couples/" + couple + "/appreciations", "{\"words\":\"too late\"}").statusCode())
                    .isEqualTo(410);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier IN (:ids) AND sequence_number >= 0")
                    .param("ids", List.of(session, couple)).query(Long.class).single())
                    .as("nothing appended after the erasure").isEqualTo(3 + 8 + 1 + 2 + 8 + 1 + 1);
        }
    }

    @Test
    void aCachedAggregateBehindTheStoreIsReadAgainSoNoEventIsLostOrWrittenTwice() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.freshSchemaOrSkip();
             ConfigurableApplicationContext first = database.startCommandService();
             ConfigurableApplicationContext second = database.startCommandService()) {
            CommandClient viaFirst = new CommandClient(baseUrl(first));
            CommandClient viaSecond = new CommandClient(baseUrl(second));
            String alex = UUID.randomUUID().toString();
            String sam = UUID.randomUUID().toString();
            String session = viaFirst.pairAndJoinSession(alex, sam).sessionId();
            String bids = "/api/commands/sessions/" + session + "/bids";
            Map<String, Integer> attemptsOnFirst = new ConcurrentHashMap<>();
            first.getBean(CommandBus.class).registerHandlerInterceptor((unitOfWork, chain) -> {
                attemptsOnFirst.merge(unitOfWork.getMessage().getIdentifier(), 1, Integer::sum);
                return chain.proceed();
            });

            viaFirst.post(alex, bids, "{\"words\":\"one\"}");
            viaSecond.post(sam, bids, "{\"words\":\"two\"}");
            // The first instance's cached session does not have "two": it is read again before the command.
            viaFirst.post(alex, bids, "{\"words\":\"three\"}");
            viaSecond.post(sam, bids, "{\"words\":\"four\"}");

            assertThat(attemptsOnFirst.values()).as("commands handled on a stale aggregate and tried again").containsOnly(1);
            // No timer per event replayed into an aggregate, nor per command handler (AxonFramework 4637): a
            // command's unit of work keeps its timeout.
            TimeoutProperties timeouts = first.getBean(TimeoutProperties.class);
            assertThat(timeouts.isEnabled()).isTrue();
            assertThat(timeouts.getHandler().getEvents().getTimeoutMs()).isNegative();
            assertThat(timeouts.getHandler().getEvents().getWarningThresholdMs()).isNegative();
            assertThat(timeouts.getHandler().getCommands().getTimeoutMs()).isNegative();
            assertThat(timeouts.getTransaction().getCommandBus().getTimeoutMs()).isPositive();
            List<? extends DomainEventMessage<?>> stream = first.getBean(EventStorageEngine.class).readEvents(session).asStream().toList();
            assertThat(stream).extracting(DomainEventMessage::getSequenceNumber)
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, stream.size()).boxed().toList());
            assertThat(stream).map(DomainEventMessage::getPayload).filteredOn(BidMade.class::isInstance)
                    .map(bid -> ((BidMade) bid).words()).containsExactly("one", "two", "three", "four");
        }
    }

    private static long snapshots(JdbcClient jdbc, String aggregate) {
        return jdbc.sql("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregate).query(Long.class).single();
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new java.util.ArrayList<>();
        for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
