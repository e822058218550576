package app.duet.query.privacy;

import app.duet.api.access.Role;
import app.duet.query.support.ProductOnH2;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasing a couple takes its own rows (the export's row, its history to travel to) and leaves the
 * cohort's totals as they were: its counts stay, under a row that no longer knows whose they were.
 * Below five couples the cohort shows nothing at all.
 */
class CohortAfterErasureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCohortsTotalsKeepCountingAnErasedCoupleWhileItsOwnRowsAreGone() {
        try (ProductOnH2 product = ProductOnH2.start()) {
            String analyst = TestTokens.trusted().token(UUID.randomUUID().toString(), Role.ANALYST, Duration.ofMinutes(5));
            List<CommandClient.PairedSession> couples = new ArrayList<>();
            List<String> firstPartners = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String first = UUID.randomUUID().toString();
                String second = UUID.randomUUID().toString();
                CommandClient.PairedSession paired = product.commands.pairAndJoinSession(first, second);
                String session = "/api/commands/sessions/" + paired.sessionId();
                String bid = product.commands.post(first, session + "/bids", "{\"words\":\"look at the moon\"}")
                        .get("bidId").asString();
                product.commands.post(second, session + "/bids/" + bid + "/answer", "{\"response\":\"TOWARD\"}");
                couples.add(paired);
                firstPartners.add(first);
                if (i == 3) {
                    assertThat(cohort(product, analyst).path("shown").asBoolean()).as("four couples are too few").isFalse();
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> cohort(product, analyst).path("totals").path("bids.TOWARD").asInt() == 5);
            JsonNode before = cohort(product, analyst);
            assertThat(before.path("couples").asInt()).isEqualTo(5);
            assertThat(before.path("totals").path("sessions.CHECK_IN").asInt()).isEqualTo(5);

            CommandClient.PairedSession erased = couples.get(0);
            String pseudonym = product.querySide.getBean(app.duet.query.analytics.Pseudonyms.class).couple(erased.coupleId());
            assertThat(export(product, analyst)).contains(pseudonym);
            product.commands.post(firstPartners.get(0), "/api/commands/couples/" + erased.coupleId() + "/erase", null);

            await().atMost(Duration.ofSeconds(30)).until(() -> !export(product, analyst).contains(pseudonym));
            assertThat(product.queries.getWithToken(analyst, "/api/queries/analytics/couples/" + pseudonym + "/cycle-state").statusCode())
                    .as("no history of the couple to travel to").isIn(404, 410);
            JsonNode after = cohort(product, analyst);
            assertThat(after.path("totals")).as("the totals count the erased couple still").isEqualTo(before.path("totals"));
            assertThat(after.path("couples").asInt()).isEqualTo(5);
            assertThat(before.path("reachedPhase").path("NOT_ENOUGH_YET").asInt()).isEqualTo(5);
            assertThat(after.path("reachedPhase")).isEqualTo(before.path("reachedPhase"));
            assertThat(after.path("towardShare")).as("five bids of five couples: a share below the minimum")
                    .isEqualTo(before.path("towardShare"));
            assertThat(after).as("no figure of the cohort moved").isEqualTo(before);

            MongoTemplate views = product.querySide.getBean(MongoTemplate.class);
            List<String> rows = views.findAll(Document.class, "cohort_tallies").stream().map(Document::toJson).toList();
            assertThat(rows).hasSize(5);
            assertThat(String.join("\n", rows)).as("nothing in the counts knows whose they were")
                    .doesNotContain(erased.coupleId(), erased.sessionId());
            assertThat(views.findAll(Document.class, "cohort_sessions").stream().map(Document::toJson).toList())
                    .noneMatch(row -> row.contains(erased.coupleId()) || row.contains(erased.sessionId()));
        }
    }

    private static JsonNode cohort(ProductOnH2 product, String analyst) {
        return JSON.readTree(product.queries.getAs(analyst, "/api/queries/analytics/cohort").body());
    }

    private static String export(ProductOnH2 product, String analyst) {
        return product.queries.getAs(analyst, "/api/queries/analytics/export.csv").body();
    }
}
