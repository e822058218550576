package app.duet.query.clinical;

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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A safety concern reaches the therapist live, on their own destination, within a second, on three real
 * STOMP connections: the therapist's, and both partners', who never receive it and may not listen there.
 * The therapist marks it read; it leaves their unread list, and their other screens hear so.
 */
class SafetyConcernLiveTest {

    private static final TestTokens ISSUER = TestTokens.trusted();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONCERN = "He threw my phone at the wall last night";

    @Test
    void theTherapistHearsAConcernAtOnceAndNeitherPartnerEverDoes() throws Exception {
        try (ProductOnH2 product = ProductOnH2.start()) {
            String alex = UUID.randomUUID().toString();
            String sam = UUID.randomUUID().toString();
            String therapistId = UUID.randomUUID().toString();
            String therapist = ISSUER.token(therapistId, Role.THERAPIST, Duration.ofMinutes(5));
            CommandClient.PairedSession paired = product.commands.pairAndJoinSession(alex, sam);
            String couple = "/api/commands/couples/" + paired.coupleId();
            product.commands.post(alex, couple + "/therapists", "{\"therapistCode\":\"" + therapistId + "\",\"therapistName\":\"Dr. Lee\"}");
            product.commands.post(sam, couple + "/therapists/" + therapistId + "/consent", null);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                    product.queries.getAs(therapist, "/api/queries/couples/" + paired.coupleId()).statusCode() == 200);

            String therapistTopic = ViewPublisher.THERAPIST_TOPIC + therapistId;
            try (StompTestClient therapistScreen = StompTestClient.connect(product.ws, therapist);
                 StompTestClient alexScreen = StompTestClient.connect(product.ws, ISSUER.partner(alex));
                 StompTestClient samScreen = StompTestClient.connect(product.ws, ISSUER.partner(sam))) {
                therapistScreen.subscribe(therapistTopic);
                for (StompTestClient partner : List.of(alexScreen, samScreen)) {
                    partner.subscribe(ViewPublisher.COUPLE_TOPIC + paired.coupleId());
                    partner.subscribe(ViewPublisher.SESSION_TOPIC + paired.sessionId());
                    partner.subscribe(ViewPublisher.CYCLE_TOPIC + paired.coupleId());
                }
                try (StompTestClient eavesdropper = StompTestClient.connect(product.ws, ISSUER.partner(alex))) {
                    eavesdropper.subscribe(therapistTopic);
                    await().atMost(Duration.ofSeconds(10)).until(() -> !eavesdropper.errors().isEmpty() || eavesdropper.isShut());
                }

                JsonNode raised = product.commands.post(sam, couple + "/safety-concerns", "{\"words\":\"" + CONCERN + "\"}");
                String concernId = raised.get("concernId").asString();

                await().atMost(Duration.ofSeconds(1)).until(() -> therapistScreen.received().stream()
                        .anyMatch(frame -> frame.body().path("concernId").asString("").equals(concernId)));
                JsonNode pushed = therapistScreen.received().get(therapistScreen.received().size() - 1).body();
                assertThat(pushed.path("words").asString()).isEqualTo(CONCERN);
                assertThat(pushed.path("coupleId").asString()).isEqualTo(paired.coupleId());

                // Both partners go on hearing their views, and never the concern.
                product.commands.post(alex, "/api/commands/sessions/" + paired.sessionId() + "/bids", "{\"words\":\"tea?\"}");
                await().atMost(Duration.ofSeconds(10)).until(() -> !alexScreen.received().isEmpty() && !samScreen.received().isEmpty());
                for (StompTestClient partner : List.of(alexScreen, samScreen)) {
                    assertThat(partner.received().toString()).doesNotContain(CONCERN, concernId);
                    assertThat(partner.received()).noneMatch(frame -> frame.destination().startsWith(ViewPublisher.THERAPIST_TOPIC));
                }

                // Unread on every screen of theirs until they say they read it; then gone, and their screens hear so.
                String unread = "/api/queries/my/safety-concerns";
                assertThat(JSON.readTree(product.queries.getAs(therapist, unread).body()).findValuesAsString("concernId"))
                        .containsExactly(concernId);
                assertThat(product.queries.getWithToken(ISSUER.partner(sam), unread).statusCode()).isEqualTo(403);
                assertThat(product.commands.sendWithToken(ISSUER.partner(alex), couple + "/safety-concerns/" + concernId + "/seen",
                        null).statusCode()).as("a partner cannot mark it read").isEqualTo(403);
                assertThat(product.commands.sendWithToken(therapist, couple + "/safety-concerns/" + concernId + "/seen", null)
                        .statusCode()).isEqualTo(204);
                await().atMost(Duration.ofSeconds(10)).until(() -> therapistScreen.received().stream()
                        .anyMatch(frame -> !frame.body().path("seenAt").isNull() && !frame.body().path("seenAt").isMissingNode()));
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        JSON.readTree(product.queries.getAs(therapist, unread).body()).isEmpty());
                assertThat(alexScreen.received().toString() + samScreen.received()).doesNotContain(CONCERN);

                // The same destination tells the therapist their caseload changed: a couple consented, a session started.
                String robin = UUID.randomUUID().toString();
                String kai = UUID.randomUUID().toString();
                JsonNode opened = product.commands.post(robin, "/api/commands/couples", "{\"displayName\":\"Robin\"}");
                String other = opened.get("coupleId").asString();
                product.commands.post(kai, "/api/commands/couples/join", "{\"invitationCode\":\""
                        + opened.get("invitationCode").asString() + "\",\"displayName\":\"Kai\"}");
                product.commands.post(robin, "/api/commands/couples/" + other + "/therapists",
                        "{\"therapistCode\":\"" + therapistId + "\",\"therapistName\":\"Dr. Lee\"}");
                product.commands.post(kai, "/api/commands/couples/" + other + "/therapists/" + therapistId + "/consent", null);
                await().atMost(Duration.ofSeconds(10)).until(() -> therapistScreen.received().stream()
                        .anyMatch(frame -> frame.body().path("caseload").asString("").equals(other)));
                therapistScreen.forgetReceived();
                product.commands.post(robin, "/api/commands/couples/" + other + "/sessions", "{\"exercise\":\"CHECK_IN\"}");
                await().atMost(Duration.ofSeconds(10)).until(() -> therapistScreen.received().stream()
                        .anyMatch(frame -> frame.body().path("caseload").asString("").equals(other)));
                assertThat(therapistScreen.received().toString()).as("a notice names the couple and nothing else")
                        .doesNotContain("Robin", "Kai");
            }
        }
    }
}
