package app.duet.query.privacy;

import app.duet.query.live.LiveViews;
import app.duet.query.live.ViewPublisher;
import app.duet.query.rebuild.DeadLetters;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasing a couple by crypto-shredding: the events stay, their words become unreadable, the views
 * go, open live views close, and rebuilding every projection from the events brings none of the
 * couple's text back.
 */
class ErasureTest {

    private static final String SECRET = "a walk by the river, just us";
    private static final String KEPT_ITEM = "a boundary I have not shown anyone";
    private static final String APPRECIATION = "the way you hum while cooking";

    @Test
    void afterErasureNoViewLiveFeedOrRebuildReturnsAnyOfTheCouplesText() throws Exception {
        try (ProductOnH2 product = ProductOnH2.start()) {
            String alex = UUID.randomUUID().toString();
            String sam = UUID.randomUUID().toString();
            CommandClient.PairedSession paired = product.commands.pairAndJoinSession(alex, sam);
            // Their therapist, whose name is theirs too, observes: after the erasure nobody's name reads.
            String therapist = UUID.randomUUID().toString();
            product.commands.post(alex, "/api/commands/couples/" + paired.coupleId() + "/therapists",
                    "{\"therapistCode\":\"" + therapist + "\",\"therapistName\":\"Dr. Haddad\"}");
            product.commands.post(sam, "/api/commands/couples/" + paired.coupleId() + "/therapists/" + therapist + "/consent", null);
            new CommandClient(ProductOnH2.baseUrl(product.commandSide), ProductOnH2::therapistToken)
                    .post(therapist, "/api/commands/sessions/" + paired.sessionId() + "/observe", null);
            product.commands.post(alex, "/api/commands/sessions/" + paired.sessionId() + "/bids",
                    "{\"words\":\"" + SECRET + "\"}");
            String couplePath = "/api/commands/couples/" + paired.coupleId();
            product.commands.post(alex, couplePath + "/lists", "{\"list\":\"BOUNDARY\",\"words\":\"" + KEPT_ITEM + "\"}");
            product.commands.post(sam, couplePath + "/appreciations", "{\"words\":\"" + APPRECIATION + "\"}");
            String sessionView = "/api/queries/sessions/" + paired.sessionId();
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> product.queries.get(sam, sessionView).toString().contains(SECRET)
                        && product.queries.get(alex, "/api/queries/couples/" + paired.coupleId()).toString().contains(APPRECIATION)
                        && product.queries.get(alex, "/api/queries/couples/" + paired.coupleId() + "/my-list").toString().contains(KEPT_ITEM));
            assertThat(String.join("\n", product.storedPayloads()))
                    .as("personal text is encrypted at rest").doesNotContain(SECRET, KEPT_ITEM, APPRECIATION, "Alex", "Sam", "Haddad");
            StompTestClient samScreen = StompTestClient.connect(product.ws, TestTokens.trusted().partner(sam));
            samScreen.subscribe(ViewPublisher.SESSION_TOPIC + paired.sessionId());
            long eventsBefore = product.storedEvents();

            String analyst = TestTokens.trusted().token(UUID.randomUUID().toString(), app.duet.api.access.Role.ANALYST,
                    Duration.ofMinutes(5));
            String pseudonym = product.querySide.getBean(app.duet.query.analytics.Pseudonyms.class).couple(paired.coupleId());
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    product.queries.getAs(analyst, "/api/queries/analytics/export.csv").body().contains(pseudonym));

            product.commands.post(sam, "/api/commands/couples/" + paired.coupleId() + "/erase", null);

            // Refused once this instance saw the erasure, in the same words as an id that never existed.
            await().atMost(Duration.ofSeconds(20)).until(() -> isRefused(product, sam, sessionView)
                    && isRefused(product, alex, "/api/queries/couples/" + paired.coupleId()));
            await().atMost(Duration.ofSeconds(10)).until(samScreen::isShut);
            samScreen.close();
            assertThat(product.storedEvents()).as("the events stay in the store").isEqualTo(eventsBefore + 1);
            assertThat(product.commands.send(alex, "/api/commands/sessions/" + paired.sessionId() + "/bids",
                    "{\"words\":\"still there?\"}").statusCode()).isEqualTo(410);
            assertThat(product.commands.send(alex, "/api/commands/sessions/" + paired.sessionId() + "/leave", null)
                    .statusCode()).as("nothing happens in an erased couple's sessions").isEqualTo(410);
            assertThat(product.storedEvents()).isEqualTo(eventsBefore + 1);

            // Another couple's session after the erasure: once the rebuild has brought it back, the replay is through.
            String robin = UUID.randomUUID().toString();
            CommandClient.PairedSession later = product.commands.pairAndJoinSession(robin, UUID.randomUUID().toString());
            rebuildTheLiveViews(product);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> product.queries
                    .get(robin, "/api/queries/sessions/" + later.sessionId()).path("version").asLong() == 3);
            assertThat(product.querySide.getBean(DeadLetters.class).list(LiveViews.PROCESSING_GROUP))
                    .as("no handler failed on the erased couple's events, unreadable names and all").isEmpty();

            // Analysts keep nothing of the couple either: no row in the export, no history to travel to.
            assertThat(product.queries.getAs(analyst, "/api/queries/analytics/export.csv").body()).doesNotContain(pseudonym);
            assertThat(product.queries.getWithToken(analyst, "/api/queries/analytics/couples/" + pseudonym
                    + "/cycle-state?at=" + java.time.Instant.now()).statusCode()).isEqualTo(404);

            MongoTemplate mongo = product.querySide.getBean(MongoTemplate.class);
            for (String collection : mongo.getCollectionNames()) {
                assertThat(mongo.findAll(org.bson.Document.class, collection).toString())
                        .as(collection).doesNotContain(SECRET, KEPT_ITEM, APPRECIATION, "Haddad", paired.coupleId(), paired.sessionId());
            }
        }
    }

    private static boolean isRefused(ProductOnH2 product, String partner, String path) {
        var answer = product.queries.getWithToken(TestTokens.trusted().partner(partner), path);
        return (answer.statusCode() == 403 || answer.statusCode() == 404) && !answer.body().contains(SECRET);
    }

    /** Drops every live view and replays all events into them, as an operator's rebuild would. */
    private static void rebuildTheLiveViews(ProductOnH2 product) {
        TrackingEventProcessor views = product.querySide.getBean(EventProcessingConfiguration.class)
                .eventProcessor(LiveViews.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        views.shutDown();
        views.resetTokens();
        views.start();
    }
}
