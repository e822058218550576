package app.duet.query.notification;

import app.duet.api.access.Role;
import app.duet.query.live.ViewPublisher;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who is told what, over the real services: the partner who did not act is told, in Duet's words and
 * never the other's; the one who acted, an outsider and a therapist the couple has not consented to are
 * not; a safety concern tells nobody anything. Each person's destination is theirs alone; reads and
 * choices are commands that the list then shows.
 */
class NotificationsTest {

    private static final TestTokens ISSUER = TestTokens.trusted();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BID_WORDS = "Shall we walk by the river after dinner?";
    private static final String CONCERN = "I am scared when the shouting starts";
    private static final String MINE = "/api/queries/my/notifications";

    @Test
    void thePartnerWhoDidNotActIsToldAndNobodyElse() throws Exception {
        try (ProductOnH2 product = ProductOnH2.start()) {
            String alex = UUID.randomUUID().toString();
            String sam = UUID.randomUUID().toString();
            String robin = UUID.randomUUID().toString();
            String therapistId = UUID.randomUUID().toString();
            String therapist = ISSUER.token(therapistId, Role.THERAPIST, Duration.ofMinutes(5));
            CommandClient.PairedSession paired = product.commands.pairAndJoinSession(alex, sam);
            String couple = "/api/commands/couples/" + paired.coupleId();
            product.commands.post(robin, "/api/commands/couples", "{\"displayName\":\"Robin\"}");
            // Alex invites a therapist; while Sam has not consented, the therapist hears of nothing.
            product.commands.post(alex, couple + "/therapists", "{\"therapistCode\":\"" + therapistId + "\",\"therapistName\":\"Dr. Lee\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> kinds(product, sam).contains("CONSENT_REQUEST"));
            assertThat(kinds(product, sam)).containsExactlyInAnyOrder("CONSENT_REQUEST", "PARTNER_IN_SESSION");
            assertThat(texts(product, sam)).contains("Your partner started a session and is waiting for you.");
            assertThat(kinds(product, alex)).as("Alex started the session and invited: told only that Sam joined")
                    .containsExactly("PARTNER_IN_SESSION");
            assertThat(texts(product, alex)).containsExactly("Your partner joined your session.");
            assertThat(kinds(product, therapistId, therapist)).as("a therapist without consent").isEmpty();

            try (StompTestClient samScreen = StompTestClient.connect(product.ws, ISSUER.partner(sam));
                 StompTestClient alexScreen = StompTestClient.connect(product.ws, ISSUER.partner(alex))) {
                samScreen.subscribe(ViewPublisher.PERSON_TOPIC + sam);
                alexScreen.subscribe(ViewPublisher.PERSON_TOPIC + sam);
                await().atMost(Duration.ofSeconds(10)).until(() -> !alexScreen.errors().isEmpty() || alexScreen.isShut());
                assertThat(alexScreen.received()).as("Alex may not listen on Sam's destination").isEmpty();

                product.commands.post(sam, couple + "/therapists/" + therapistId + "/consent", null);
                product.commands.post(sam, couple + "/safety-concerns", "{\"words\":\"" + CONCERN + "\"}");
                product.commands.post(alex, couple + "/bids", "{\"words\":\"" + BID_WORDS + "\"}");
                await().atMost(Duration.ofSeconds(10)).until(() -> samScreen.received().stream()
                        .anyMatch(frame -> frame.body().path("latest").toString().contains("\"BID\"")));
                assertThat(samScreen.received().get(samScreen.received().size() - 1).body().path("unread").asInt()).isEqualTo(3);
            }

            // The bid was the last event: everything before it, the concern included, has been applied.
            assertThat(kinds(product, sam)).containsExactlyInAnyOrder("BID", "CONSENT_REQUEST", "PARTNER_IN_SESSION");
            assertThat(kinds(product, alex)).containsExactly("PARTNER_IN_SESSION");
            assertThat(kinds(product, therapistId, therapist)).as("a concern tells the therapist nothing here either").isEmpty();
            assertThat(kinds(product, robin)).as("an outsider").isEmpty();
            for (String person : List.of(alex, sam)) {
                assertThat(product.queries.get(person, MINE).toString())
                        .doesNotContain(BID_WORDS, CONCERN, "Alex", "Sam", "Dr. Lee");
            }

            // Reading is a command; the list then shows it read.
            List<String> ids = mine(product, sam).findValuesAsString("notificationId");
            StringBuilder body = new StringBuilder("{\"notificationIds\":[");
            body.append(String.join(",", ids.stream().map(id -> "\"" + id + "\"").toList())).append("]}");
            assertThat(product.commands.send(sam, "/api/commands/my/notifications/read", body.toString()).statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(10)).until(() -> mine(product, sam).path("unread").asInt() == 0);
            assertThat(mine(product, alex).path("unread").asInt()).as("Alex's are Alex's own").isEqualTo(1);

            // Choosing what one gets: bad input names its field; a choice hides what one no longer wants.
            var wrong = product.commands.send(sam, "/api/commands/my/notifications/choices", "{\"inApp\":[],\"byMail\":[\"BID\"]}");
            assertThat(wrong.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(wrong.body()).path("errors").findValuesAsString("field")).containsExactly("byMail");
            assertThat(product.commands.send(sam, "/api/commands/my/notifications/choices",
                    "{\"inApp\":[\"CONSENT_REQUEST\",\"PARTNER_IN_SESSION\"],\"byMail\":[]}").statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(10)).until(() -> !kinds(product, sam).contains("BID"));
            assertThat(product.queries.get(sam, "/api/queries/my/notification-choices").path("byMail")).isEmpty();
        }
    }

    private static JsonNode mine(ProductOnH2 product, String person) {
        return product.queries.get(person, MINE);
    }

    private static List<String> kinds(ProductOnH2 product, String person) {
        return mine(product, person).findValuesAsString("kind");
    }

    private static List<String> kinds(ProductOnH2 product, String therapistId, String token) throws Exception {
        var answer = product.queries.getAs(token, MINE);
        assertThat(answer.statusCode()).as(therapistId).isEqualTo(200);
        return JSON.readTree(answer.body()).findValuesAsString("kind");
    }

    private static List<String> texts(ProductOnH2 product, String person) {
        return new ArrayList<>(mine(product, person).findValuesAsString("text"));
    }
}
