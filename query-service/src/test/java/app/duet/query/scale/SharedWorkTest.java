package app.duet.query.scale;

import app.duet.query.QueryServiceApplication;
import app.duet.query.access.LiveConnections;
import app.duet.query.live.ViewPublisher;
import app.duet.query.support.InProcessMongo;
import app.duet.query.support.Opened;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.NginxProxy;
import app.duet.testing.PostgresTestDatabase;
import app.duet.testing.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two query-service instances on one event store, one MongoDB and the local RabbitMQ, behind the
 * compose proxy's routes in Debian's nginx: they split the projections' segments between them,
 * partners whose screens the proxy put on different instances each see every update of their session
 * in order (pushes cross through the broker relay), nobody sees another couple's, and when one
 * instance stops the other takes over its segments with nothing missed.
 */
class SharedWorkTest {

    private static final int SEGMENTS = 4;
    private static final List<String> SHARED_PROCESSORS = List.of("live-views", "therapist-only", "cycle-state");

    @RegisterExtension
    static final InProcessMongo views = new InProcessMongo();

    private final Opened opened = new Opened();

    @Test
    void twoInstancesShareTheWorkAndOneTakesOverWhenTheOtherStops() throws Exception {
        assumeTrue(NginxProxy.accepts(61613), "RabbitMQ's STOMP plugin is not listening on 127.0.0.1:61613 (.ci/run enables it)");
        PostgresTestDatabase database = opened.open(PostgresTestDatabase.freshSchemaOrSkip());
        ConfigurableApplicationContext commandSide = opened.open(Opened.commandServiceOn(database));
        String mongoUri = views.uri("shared-" + UUID.randomUUID().toString().substring(0, 8));
        ConfigurableApplicationContext one = opened.open(queryInstance(database, mongoUri, "one"));
        ConfigurableApplicationContext two = opened.open(queryInstance(database, mongoUri, "two"));
        NginxProxy proxy = opened.open(NginxProxy.start(NginxProxy.Upstreams.none()
                .withCommandService("127.0.0.1:" + ProductOnH2.port(commandSide))
                .withQueryService("127.0.0.1:" + ProductOnH2.port(one), "127.0.0.1:" + ProductOnH2.port(two))));
        CommandClient commands = new CommandClient(proxy.baseUrl());

        for (String processor : SHARED_PROCESSORS) {
            await(processor + " split between the instances").atMost(Duration.ofSeconds(60))
                    .until(() -> held(one, processor) == SEGMENTS / 2 && held(two, processor) == SEGMENTS / 2);
        }

        List<Couple> couples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String firstPartner = UUID.randomUUID().toString();
            String secondPartner = UUID.randomUUID().toString();
            CommandClient.PairedSession paired = commands.pairAndJoinSession(firstPartner, secondPartner);
            // As the page does: a screen listens once it has read its session, or it would be refused as not yet a member.
            await().atMost(Duration.ofSeconds(30)).until(() -> commands.getWithToken(TestTokens.trusted().partner(secondPartner),
                    "/api/queries/sessions/" + paired.sessionId()).statusCode() == 200);
            Couple couple = new Couple(paired, firstPartner, secondPartner, proxy.webSocketUrl());
            couple.placeScreensOn(one, two, proxy.webSocketUrl());
            couples.add(couple);
        }
        couples.forEach(couple -> couple.warmUp(commands));
        bidRounds(commands, couples, 10, "before");
        CommandClient views = new CommandClient(proxy.baseUrl());
        for (Couple couple : couples) {
            couple.awaitBothSeeEveryUpdateInOrder(views);
        }

        // Privacy across instances: a partner cannot listen to another couple's session, on either.
        Couple first = couples.get(0);
        Couple second = couples.get(1);
        StompTestClient intruder = opened.open(StompTestClient.connect(proxy.webSocketUrl(), TestTokens.trusted().partner(first.firstPartner)));
        intruder.subscribe(second.topic());
        await().atMost(Duration.ofSeconds(10)).until(() -> !intruder.errors().isEmpty() || intruder.isShut());
        for (Couple couple : couples) {
            couple.assertHeardOnlyItsOwnWords(couples);
        }

        opened.forget(two);
        two.close();
        for (String processor : SHARED_PROCESSORS) {
            await(processor + " taken over").atMost(Duration.ofSeconds(60)).until(() -> held(one, processor) == SEGMENTS);
        }
        for (Couple couple : couples) {
            couple.moveScreensTo(one, proxy.webSocketUrl());
        }
        bidRounds(commands, couples, 10, "after");
        for (Couple couple : couples) {
            couple.awaitBothSeeEveryUpdateInOrder(views);
            assertThat(views.allItems(couple.firstPartner, "/api/queries/sessions/" + couple.paired.sessionId(), "bids")
                    .stream().map(bid -> bid.path("words").asText()).filter(words -> words.startsWith("couple"))).hasSize(20);
            couple.assertHeardOnlyItsOwnWords(couples);
        }
    }

    private ConfigurableApplicationContext queryInstance(PostgresTestDatabase database, String mongoUri, String name) {
        return new SpringApplicationBuilder(QueryServiceApplication.class).run(Opened.serviceArguments(database.springProperties(),
                "spring.config.name=query-service", "spring.flyway.enabled=false", "duet.mongo.embedded=false",
                "spring.mongodb.uri=" + mongoUri, "duet.instance-id=" + name, "duet.projections.segments=" + SEGMENTS,
                "duet.projections.heartbeat=500ms", "duet.stomp.relay.enabled=true", "duet.stomp.relay.host=127.0.0.1"));
    }

    private static void bidRounds(CommandClient commands, List<Couple> couples, int rounds, String label) {
        for (int round = 0; round < rounds; round++) {
            for (Couple couple : couples) {
                String bidder = round % 2 == 0 ? couple.firstPartner : couple.secondPartner;
                commands.post(bidder, "/api/commands/sessions/" + couple.paired.sessionId() + "/bids",
                        "{\"words\":\"couple " + couple.paired.coupleId() + " " + label + " " + round + "\"}");
            }
        }
    }

    private static int held(ConfigurableApplicationContext instance, String processor) {
        return instance.getBean(EventProcessingConfiguration.class).eventProcessor(processor, TrackingEventProcessor.class)
                .orElseThrow().processingStatus().size();
    }

    private static boolean listens(ConfigurableApplicationContext instance, String personId) {
        return instance.getBean(LiveConnections.class).isListening(personId);
    }


    /** A couple in session, its partners' screens put by the proxy on different instances. */
    private final class Couple {
        final CommandClient.PairedSession paired;
        final String firstPartner;
        final String secondPartner;
        /** Each partner's screens, the one in use last: a screen whose instance stopped is replaced. */
        final java.util.Map<String, List<StompTestClient>> screens = new java.util.HashMap<>();

        Couple(CommandClient.PairedSession paired, String firstPartner, String secondPartner, String url) throws Exception {
            this.paired = paired;
            this.firstPartner = firstPartner;
            this.secondPartner = secondPartner;
            connect(firstPartner, url);
            connect(secondPartner, url);
        }

        /**
         * The proxy takes turns between the instances; until the partners' screens are on different
         * ones (a turn taken by another request puts them together), the second one connects again.
         */
        void placeScreensOn(ConfigurableApplicationContext one, ConfigurableApplicationContext two, String url) throws Exception {
            for (int attempt = 0; attempt < 5; attempt++) {
                for (String partner : List.of(firstPartner, secondPartner)) {
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listens(one, partner) || listens(two, partner))
                            .as("listening; errors: %s", latest(partner).errors()).isTrue());
                }
                if (listens(one, firstPartner) != listens(one, secondPartner)) {
                    return;
                }
                StompTestClient together = latest(secondPartner);
                opened.forget(together);
                together.close();
                screens.get(secondPartner).remove(together);
                await().atMost(Duration.ofSeconds(10)).until(() -> !listens(one, secondPartner) && !listens(two, secondPartner));
                connect(secondPartner, url);
            }
            throw new AssertionError("The proxy put both partners of " + paired.coupleId() + " on one instance five times");
        }

        /** After an instance stopped: the screens it held connect again, through the proxy, to the one left. */
        void moveScreensTo(ConfigurableApplicationContext left, String url) throws Exception {
            for (String partner : List.of(firstPartner, secondPartner)) {
                if (!listens(left, partner)) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> latest(partner).isShut());
                    connect(partner, url);
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> listens(left, partner));
            }
        }

        String topic() {
            return ViewPublisher.SESSION_TOPIC + paired.sessionId();
        }

        private void connect(String partner, String url) throws Exception {
            StompTestClient screen = opened.open(StompTestClient.connect(url, TestTokens.trusted().partner(partner)));
            screen.subscribe(topic());
            screens.computeIfAbsent(partner, p -> new ArrayList<>()).add(screen);
        }

        private StompTestClient latest(String partner) {
            List<StompTestClient> own = screens.get(partner);
            return own.get(own.size() - 1);
        }

        /** The broker takes a subscription asynchronously: bid until both screens have heard one push. */
        void warmUp(CommandClient commands) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
                commands.post(firstPartner, "/api/commands/sessions/" + paired.sessionId() + "/bids", "{\"words\":\"warm-up\"}");
                return latest(firstPartner).latestVersion(topic()) > 0 && latest(secondPartner).latestVersion(topic()) > 0;
            });
        }

        /** Each partner's screen in use heard every version from its first to the one stored, in order. */
        void awaitBothSeeEveryUpdateInOrder(CommandClient views) {
            long stored = views.get(firstPartner, "/api/queries/sessions/" + paired.sessionId()).get("version").asLong();
            await("couple " + paired.coupleId() + " both screens at version " + stored).atMost(Duration.ofSeconds(30))
                    .until(() -> latest(firstPartner).latestVersion(topic()) >= stored
                            && latest(secondPartner).latestVersion(topic()) >= stored);
            for (String partner : List.of(firstPartner, secondPartner)) {
                List<Long> versions = latest(partner).received().stream().filter(push -> push.destination().equals(topic()))
                        .filter(push -> !push.isNotice()).map(StompTestClient.Received::version).toList();
                assertThat(versions).as("pushes in order").isSorted();
                assertThat(versions.stream().filter(version -> version <= stored).distinct()).as("no version missed")
                        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(versions.get(0), stored).boxed().toList());
            }
        }

        void assertHeardOnlyItsOwnWords(List<Couple> all) {
            for (StompTestClient screen : screens.values().stream().flatMap(List::stream).toList()) {
                String heard = screen.received().toString();
                for (Couple other : all) {
                    if (other != this) {
                        assertThat(heard).doesNotContain(other.paired.coupleId()).doesNotContain(other.paired.sessionId());
                    }
                }
            }
        }
    }
}
