package app.duet.query.exercise;

import app.duet.query.live.ViewPublisher;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The canonical incident, run live through resentment to closeness by two partners and an
 * observing therapist, each on a real STOMP connection: a shoulder rub turned away, an evening of
 * silence, a later reach for peace brushed off. At every step it checks what each screen received,
 * and above all what none of them did: private steps never leave their author, revealed answers
 * reach nobody before both are in, and then reach everyone in the same message.
 */
class ResentmentToClosenessTest {

    private static final TestTokens ISSUER = TestTokens.trusted();
    private static final String JOHN = UUID.randomUUID().toString();
    private static final String MARY = UUID.randomUUID().toString();
    private static final String THERAPIST = UUID.randomUUID().toString();

    // Steps 1 to 3: each partner's own, never shared.
    private static final Map<String, List<String>> OWN = Map.of(
            JOHN, List.of("She eased away when I started on her shoulders",
                    "Stung first, then prickly",
                    "Kept to myself the whole evening without a word"),
            MARY, List.of("He went cold on me because I did not want the back rub",
                    "Furious at being frozen out",
                    "Pushed him off when he finally reached for me"));
    // Steps 4 and 5: revealed to both at the same instant.
    private static final String JOHN_DEEPER = "Rejected, and ashamed it mattered to me so much";
    private static final String MARY_DEEPER = "Sad, and afraid I am not enough for him as I am";
    private static final String JOHN_NEED = "To hear that you still want me near, even when you are not in the mood";
    private static final String MARY_NEED = "To matter to you, and to be told when you are hurt instead of shut out";
    // Step 6: said to each other.
    private static final String MARY_SOFTENS = "When you go quiet I feel thrown away; I want you to let me in";
    private static final String JOHN_REENGAGES = "I went quiet because I felt turned down, not to punish you";
    private static final String LET_GO = "The evening of the shoulder rub";

    private static ProductOnH2 product;
    private static CommandClient therapistCommands;
    private static CommandClient therapistQueries;

    @BeforeAll
    static void start() {
        // Long enough to look at every screen while it runs.
        product = ProductOnH2.start("duet.session.reveal-countdown=3s");
        therapistCommands = new CommandClient(ProductOnH2.baseUrl(product.commandSide), ProductOnH2::therapistToken);
        therapistQueries = new CommandClient(ProductOnH2.baseUrl(product.querySide), ProductOnH2::therapistToken);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void johnAndMaryGoFromResentmentToClosenessAndEachSeesOnlyWhatWasShared() throws Exception {
        CommandClient commands = product.commands;
        JsonNode couple = commands.post(JOHN, "/api/commands/couples", "{\"displayName\":\"John\"}");
        String coupleId = couple.get("coupleId").asString();
        String code = couple.get("invitationCode").asString();
        commands.post(MARY, "/api/commands/couples/join", "{\"invitationCode\":\"" + code + "\",\"displayName\":\"Mary\"}");
        commands.post(JOHN, "/api/commands/couples/" + coupleId + "/therapists",
                "{\"therapistCode\":\"" + THERAPIST + "\",\"therapistName\":\"Dr. Okafor\"}");
        commands.post(MARY, "/api/commands/couples/" + coupleId + "/therapists/" + THERAPIST + "/consent", null);
        String sessionId = commands.post(JOHN, "/api/commands/couples/" + coupleId + "/sessions",
                "{\"exercise\":\"RESENTMENT_TO_CLOSENESS\"}").get("sessionId").asString();
        String session = "/api/commands/sessions/" + sessionId;
        String view = "/api/queries/sessions/" + sessionId;
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> product.queries.get(JOHN, view).path("sessionId").asString().equals(sessionId));

        try (StompTestClient john = screen(ISSUER.partner(JOHN), sessionId);
             StompTestClient mary = screen(ISSUER.partner(MARY), sessionId);
             StompTestClient therapist = screen(therapistToken(THERAPIST), sessionId)) {
            List<StompTestClient> everyone = List.of(john, mary, therapist);

            commands.post(JOHN, session + "/join", null);
            commands.post(MARY, session + "/join", null);
            therapistCommands.post(THERAPIST, session + "/observe", null);
            awaitEveryone(everyone, body -> body.path("observers").size() == 1
                    && body.path("partners").findValues("present").stream().allMatch(JsonNode::asBoolean));
            assertThat(latest(mary).path("observers").get(0).path("displayName").asString())
                    .as("both partners see who is watching").isEqualTo("Dr. Okafor");

            // Steps 1-3: each writes privately, moving through the steps; the other sees where, never what.
            String[][] ownSteps = {{"trigger", "TRIGGER"}, {"first-feeling", "SECONDARY_EMOTION"},
                    {"what-i-did", "BEHAVIOUR"}};
            for (int step = 0; step < 3; step++) {
                String key = ownSteps[step][0];
                for (String partner : List.of(JOHN, MARY)) {
                    commands.post(partner, session + "/step", "{\"step\":\"" + key + "\"}");
                    String move = key.equals("what-i-did") ? (partner.equals(JOHN) ? "WITHDRAW" : "CRITICISE") : null;
                    recordLink(partner, sessionId, key, ownSteps[step][1], OWN.get(partner).get(step), move);
                }
                awaitEveryone(everyone, body -> body.path("partners").findValues("step").stream()
                        .allMatch(s -> s.asString().equals(key)));
            }
            for (String partner : List.of(JOHN, MARY)) {
                String mine = awaitDrafts(partner, sessionId, 3);
                assertThat(mine).as("a partner's own steps stay with them").contains(OWN.get(partner));
                String other = partner.equals(JOHN) ? MARY : JOHN;
                assertThat(mine).doesNotContain(OWN.get(other));
            }
            HttpResponse<String> shareOwn = commands.send(JOHN, session + "/entries/trigger-" + JOHN.substring(0, 8) + "/share", null);
            assertThat(shareOwn.statusCode()).isEqualTo(409);
            assertThat(shareOwn.body()).contains("entry-stays-own");
            assertNobodySaw(everyone, OWN.get(JOHN));
            assertNobodySaw(everyone, OWN.get(MARY));
            assertThat(therapistQueries.getWithToken(therapistToken(THERAPIST), view + "/my-drafts").statusCode())
                    .as("a therapist never reads drafts").isEqualTo(403);

            // Step 4: revealed together. Mary is ready first; nothing of hers reaches John until both are.
            revealedStep("deeper-feeling", "PRIMARY_EMOTION", JOHN_DEEPER, MARY_DEEPER, sessionId, everyone);
            // Step 5: the needs, the same way.
            revealedStep("need", "UNMET_NEED", JOHN_NEED, MARY_NEED, sessionId, everyone);

            // Step 6: closeness. Mary softens, John re-engages; the therapist confirms both as change events.
            commands.post(JOHN, session + "/step", "{\"step\":\"closeness\"}");
            commands.post(MARY, session + "/step", "{\"step\":\"closeness\"}");
            String softening = commands.post(MARY, session + "/softenings", words(MARY_SOFTENS)).get("moveId").asString();
            awaitEveryone(everyone, body -> body.toString().contains(MARY_SOFTENS));
            String reengagement = commands.post(JOHN, session + "/reengagements", words(JOHN_REENGAGES)).get("moveId").asString();
            awaitEveryone(everyone, body -> body.toString().contains(JOHN_REENGAGES));
            assertThat(commands.send(JOHN, session + "/moves/" + softening + "/confirm", null).statusCode())
                    .as("a partner cannot confirm a change event").isEqualTo(403);
            therapistCommands.post(THERAPIST, session + "/moves/" + softening + "/confirm", null);
            therapistCommands.post(THERAPIST, session + "/moves/" + reengagement + "/confirm", null);
            awaitEveryone(everyone, body -> body.path("moves").findValues("confirmedBy").stream()
                    .filter(confirmed -> confirmed.size() == 1).count() == 2);
            JsonNode moves = latest(therapist).path("moves");
            assertThat(moves.get(0).path("change").asString()).isEqualTo("BLAMER_SOFTENING");
            assertThat(moves.get(0).path("partnerId").asString()).isEqualTo(MARY);
            assertThat(moves.get(1).path("change").asString()).isEqualTo("WITHDRAWER_REENGAGEMENT");

            // The old resentment is let go: Mary proposes, John agrees; she cannot agree to her own pact.
            String pact = commands.post(MARY, session + "/let-go", words(LET_GO)).get("pactId").asString();
            assertThat(commands.send(MARY, session + "/let-go/" + pact + "/agree", null).body()).contains("own-pact");
            commands.post(JOHN, session + "/let-go/" + pact + "/agree", null);
            awaitEveryone(everyone, body -> body.path("pacts").path(0).path("agreedBy").asString().equals(JOHN));

            // The end, with the outcome every screen receives.
            commands.post(JOHN, session + "/end", null);
            awaitEveryone(everyone, body -> body.path("status").asString().equals("ENDED"));
            JsonNode outcome = latest(mary).path("outcome");
            assertThat(outcome.path("stepsRevealed").toString()).isEqualTo("[\"deeper-feeling\",\"need\"]");
            assertThat(outcome.path("softenings").asInt()).isEqualTo(1);
            assertThat(outcome.path("reengagements").asInt()).isEqualTo(1);
            assertThat(outcome.path("changeEventsConfirmed").asInt()).isEqualTo(2);
            assertThat(outcome.path("resentmentsReleased").asInt()).isEqualTo(1);
            assertThat(outcome.path("entriesShared").asInt()).isEqualTo(4);
            for (JsonNode side : latest(john).path("loop")) {
                assertThat(side.path("links").findValuesAsString("link")).as("each side of the loop, in loop order")
                        .containsExactly("PRIMARY_EMOTION", "UNMET_NEED");
            }
            assertThat(commands.send(MARY, session + "/softenings", words("one more thing")).statusCode())
                    .as("nothing happens in an ended session").isEqualTo(409);

            // Last look: the private steps reached nobody, at any point, by any route.
            assertNobodySaw(everyone, OWN.get(JOHN));
            assertNobodySaw(everyone, OWN.get(MARY));
            for (String other : List.of(MARY, JOHN)) {
                String otherView = product.queries.get(other, view).toString();
                assertThat(otherView).doesNotContain(OWN.get(JOHN)).doesNotContain(OWN.get(MARY));
            }
            assertThat(therapistQueries.getAs(therapistToken(THERAPIST), view).body())
                    .doesNotContain(OWN.get(JOHN)).doesNotContain(OWN.get(MARY));
            assertThat(String.join("\n", product.storedPayloads())).as("every word is encrypted at rest")
                    .doesNotContain(JOHN_DEEPER, MARY_NEED, MARY_SOFTENS, LET_GO, OWN.get(JOHN).get(0));
            for (StompTestClient screen : everyone) {
                assertThat(screen.errors()).isEmpty();
                assertVersionsHaveNoGaps(screen, sessionId);
            }
        }
    }

    /** Mary is ready first; John's ready starts the countdown; no screen sees either answer until both arrive at once. */
    private void revealedStep(String step, String link, String johnsWords, String marysWords, String sessionId,
                              List<StompTestClient> everyone) {
        CommandClient commands = product.commands;
        String session = "/api/commands/sessions/" + sessionId;
        commands.post(JOHN, session + "/step", "{\"step\":\"" + step + "\"}");
        commands.post(MARY, session + "/step", "{\"step\":\"" + step + "\"}");
        recordLink(JOHN, sessionId, step, link, johnsWords, null);
        recordLink(MARY, sessionId, step, link, marysWords, null);
        commands.post(MARY, session + "/steps/" + step + "/ready", null);
        awaitEveryone(everyone, body -> stepNode(body, step).path("readyBy").toString().contains(MARY));

        assertThat(commands.send(MARY, session + "/steps/" + step + "/reveal", null).body())
                .as("nobody reveals by hand: the countdown does (410)").contains("reveal-counts-down", "410");
        assertThat(commands.send(MARY, session + "/entries/" + step + "-" + MARY.substring(0, 8) + "/share", null).body())
                .as("a revealed step is never shared alone").contains("revealed-together");
        assertThat(awaitDrafts(JOHN, sessionId, 1)).contains(johnsWords).doesNotContain(marysWords);
        assertNobodySaw(everyone, List.of(johnsWords, marysWords));

        commands.post(JOHN, session + "/steps/" + step + "/ready", null);
        awaitEveryone(everyone, body -> stepNode(body, step).hasNonNull("countdown") || stepNode(body, step).hasNonNull("revealedAt"));
        assertThat(commands.send(MARY, session + "/steps/" + step + "/take-back", null).body())
                .as("nothing is taken back once the countdown runs").contains("countdown-running");
        assertThat(therapistQueries.getAs(therapistToken(THERAPIST), "/api/queries/sessions/" + sessionId).body())
                .as("the countdown says when, never what").doesNotContain(johnsWords, marysWords);
        assertThat(product.queries.get(JOHN, "/api/queries/sessions/" + sessionId).toString()).doesNotContain(marysWords);
        assertNobodySaw(everyone, List.of(johnsWords, marysWords));

        awaitEveryone(everyone, body -> body.toString().contains(marysWords) || body.toString().contains(johnsWords));
        for (StompTestClient screen : everyone) {
            JsonNode first = screen.received().stream().map(StompTestClient.Received::body)
                    .filter(body -> body.toString().contains(marysWords) || body.toString().contains(johnsWords))
                    .findFirst().orElseThrow();
            assertThat(first.toString()).as("both answers arrive in the same message, so neither anchors on the other")
                    .contains(marysWords, johnsWords);
            JsonNode revealed = stepNode(first.path("summary"), step);
            assertThat(revealed.hasNonNull("revealedAt")).as("the step shows revealed in that message too").isTrue();
            assertThat(revealed.hasNonNull("countdown")).as("and its countdown over").isFalse();
        }
    }

    private static void recordLink(String partner, String sessionId, String step, String link, String words, String move) {
        String body = "{\"step\":\"" + step + "\",\"link\":\"" + link + "\",\"intensity\":7,"
                + (move == null ? "" : "\"move\":\"" + move + "\",") + "\"words\":\"" + words + "\"}";
        HttpResponse<String> answer = product.commands.sendPut(partner,
                "/api/commands/sessions/" + sessionId + "/cycle-links/" + step + "-" + partner.substring(0, 8), body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    }

    /** The partner's own drafts once the projection holds at least this many; as text. */
    private static String awaitDrafts(String partner, String sessionId, int atLeast) {
        String path = "/api/queries/sessions/" + sessionId + "/my-drafts";
        await().atMost(Duration.ofSeconds(20)).until(() -> product.queries.get(partner, path).size() >= atLeast);
        return product.queries.get(partner, path).toString();
    }

    private static StompTestClient screen(String bearer, String sessionId) throws Exception {
        StompTestClient client = StompTestClient.connect(product.ws, bearer);
        client.subscribe(ViewPublisher.SESSION_TOPIC + sessionId);
        return client;
    }

    private static void awaitEveryone(List<StompTestClient> everyone, Predicate<JsonNode> seen) {
        for (StompTestClient screen : everyone) {
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.test(latest(screen)));
        }
    }

    /** What the screen shows now: every change it was pushed, applied in order. */
    private static JsonNode latest(StompTestClient screen) {
        return screen.pushedView();
    }

    private static void assertNobodySaw(List<StompTestClient> everyone, List<String> words) {
        for (StompTestClient screen : everyone) {
            String all = screen.received().toString();
            for (String secret : words) {
                assertThat(all).as("no screen received: " + secret).doesNotContain(secret);
            }
        }
    }

    private static JsonNode stepNode(JsonNode body, String step) {
        for (JsonNode node : body.path("steps")) {
            if (node.path("key").asString().equals(step)) {
                return node;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private static void assertVersionsHaveNoGaps(StompTestClient screen, String sessionId) {
        List<Long> versions = screen.received().stream().filter(received -> !received.isNotice()) // a notice has no version
                .map(StompTestClient.Received::version).distinct().sorted().toList();
        for (int i = 1; i < versions.size(); i++) {
            assertThat(versions.get(i) - versions.get(i - 1)).as("versions rise one by one").isLessThanOrEqualTo(1);
        }
    }

    private static String words(String words) {
        return "{\"words\":\"" + words + "\"}";
    }

    private static String therapistToken(String therapistId) {
        return ProductOnH2.therapistToken(therapistId);
    }
}
