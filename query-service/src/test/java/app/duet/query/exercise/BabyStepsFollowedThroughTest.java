package app.duet.query.exercise;

import app.duet.query.live.ViewPublisher;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alex and Sam commit to baby steps in a session; afterwards each says, again and again, how their
 * own step went. They and the therapist they both consented to see the steps and every follow-up in
 * the couple's overview, pushed live; a therapist only one of them consented to, a therapist nobody
 * invited and a partner of another couple see none of it.
 */
class BabyStepsFollowedThroughTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALEX = UUID.randomUUID().toString();
    private static final String SAM = UUID.randomUUID().toString();
    private static final String ROBIN = UUID.randomUUID().toString();
    private static final String THERAPIST = UUID.randomUUID().toString();
    private static final String HALF_CONSENTED = UUID.randomUUID().toString();
    private static final String UNINVITED = UUID.randomUUID().toString();
    /** Sam listed this and Alex committed to it; Alex listed the other and Sam offered a smaller step for it. */
    private static final String ASK_ABOUT_MY_DAY = "Ask how my day was, and listen to the answer";
    private static final String COOK_ON_SUNDAYS = "Cook dinner together every Sunday";
    private static final String SMALLER = "Cook with you on the first Sunday of the month";

    private static ProductOnH2 product;

    @BeforeAll
    static void start() {
        product = ProductOnH2.start();
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void eachPartnerFollowsUpTheirOwnStepAndOnlyTheCoupleAndTheirTherapistSeeIt() throws Exception {
        CommandClient commands = product.commands;
        CommandClient therapists = new CommandClient(ProductOnH2.baseUrl(product.commandSide), ProductOnH2::therapistToken);
        JsonNode opened = commands.post(ALEX, "/api/commands/couples", "{\"displayName\":\"Alex\"}");
        String coupleId = opened.get("coupleId").asString();
        String couple = "/api/commands/couples/" + coupleId;
        commands.post(SAM, "/api/commands/couples/join", "{\"invitationCode\":\"" + opened.get("invitationCode").asString()
                + "\",\"displayName\":\"Sam\"}");
        commands.post(ALEX, couple + "/therapists", "{\"therapistCode\":\"" + THERAPIST + "\",\"therapistName\":\"Dr. Haddad\"}");
        commands.post(SAM, couple + "/therapists/" + THERAPIST + "/consent", null);
        commands.post(ALEX, couple + "/therapists", "{\"therapistCode\":\"" + HALF_CONSENTED + "\",\"therapistName\":\"Dr. Kim\"}");
        commands.post(ROBIN, "/api/commands/couples", "{\"displayName\":\"Robin\"}");

        String sessionId = commands.post(ALEX, couple + "/sessions", "{\"exercise\":\"BABY_STEPS\"}").get("sessionId").asString();
        String session = "/api/commands/sessions/" + sessionId;
        for (String partner : List.of(ALEX, SAM)) {
            commands.post(partner, session + "/join", null);
            commands.post(partner, session + "/step", "{\"step\":\"lists\"}");
        }
        assertThat(commands.sendPut(SAM, session + "/behaviours/sams-wish", behaviour(ASK_ABOUT_MY_DAY)).statusCode())
                .isEqualTo(204);
        assertThat(commands.sendPut(ALEX, session + "/behaviours/alexs-wish", behaviour(COOK_ON_SUNDAYS)).statusCode())
                .isEqualTo(204);
        commands.post(SAM, session + "/steps/lists/ready", null);
        commands.post(ALEX, session + "/steps/lists/ready", null);
        product.awaitRevealed(ALEX, sessionId, "lists");
        for (String partner : List.of(ALEX, SAM)) {
            commands.post(partner, session + "/step", "{\"step\":\"choose\"}");
        }
        commands.post(ALEX, session + "/baby-steps/sams-wish/choose", null);
        commands.post(ALEX, session + "/baby-steps/sams-wish/commit", null);
        commands.post(SAM, session + "/baby-steps/alexs-wish/smaller-step", "{\"words\":\"" + SMALLER + "\"}");
        commands.post(SAM, session + "/baby-steps/alexs-wish/commit", null);
        commands.post(ALEX, session + "/end", null);

        String overview = "/api/queries/couples/" + coupleId;
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> product.queries.get(SAM, overview).path("babySteps").size() == 2);
        StompTestClient samsScreen = StompTestClient.connect(product.ws, TestTokens.trusted().partner(SAM));
        samsScreen.subscribe(ViewPublisher.COUPLE_TOPIC + coupleId);
        StompTestClient robinsScreen = StompTestClient.connect(product.ws, TestTokens.trusted().partner(ROBIN));
        robinsScreen.subscribe(ViewPublisher.COUPLE_TOPIC + coupleId);

        // After the session: Alex did it once, then it did not happen; Sam did theirs.
        String followUps = session + "/baby-steps/sams-wish/follow-ups";
        String done = commands.post(ALEX, followUps, "{\"done\":true}").get("followUpId").asString();
        String notThisTime = commands.post(ALEX, followUps, "{\"done\":false}").get("followUpId").asString();
        commands.post(SAM, session + "/baby-steps/alexs-wish/follow-ups", "{\"done\":true}");

        // Only the partner who committed follows up, saying whether it happened, a step there is.
        assertProblem(commands.send(SAM, followUps, "{\"done\":true}"), 409, "not-your-step", "behaviourEntryId");
        assertProblem(commands.send(ALEX, session + "/baby-steps/no-such-wish/follow-ups", "{\"done\":true}"),
                409, "unknown-baby-step", "behaviourEntryId");
        assertProblem(commands.send(ALEX, followUps, "{}"), 400, null, "done");

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> product.queries.get(ALEX, overview).path("babyStepFollowUps").size() == 3);
        JsonNode seen = product.queries.get(ALEX, overview);
        JsonNode alexsStep = stepOf(seen, ALEX);
        assertThat(alexsStep.path("behaviour").asString()).isEqualTo(ASK_ABOUT_MY_DAY);
        assertThat(alexsStep.path("listedBy").asString()).isEqualTo(SAM);
        assertThat(alexsStep.path("timesDone").asInt()).isEqualTo(1);
        assertThat(alexsStep.path("timesNotDone").asInt()).isEqualTo(1);
        JsonNode samsStep = stepOf(seen, SAM);
        assertThat(samsStep.path("smallerStep").asString()).isEqualTo(SMALLER);
        assertThat(samsStep.path("timesDone").asInt()).isEqualTo(1);
        assertThat(seen.path("babyStepFollowUps").valueStream().map(f -> f.path("followUpId").asString()))
                .contains(done, notThisTime);

        // Pushed live to the couple's screens, as every change of the overview is.
        await().atMost(Duration.ofSeconds(10)).until(() -> samsScreen.pushedView().path("babyStepFollowUps").size() == 3);
        assertThat(stepOf(samsScreen.pushedView(), ALEX).path("timesNotDone").asInt()).isEqualTo(1);

        // Their therapist sees the same; nobody else sees any of it, over REST or live.
        String consented = product.queries.getAs(ProductOnH2.therapistToken(THERAPIST), overview).body();
        assertThat(consented).contains(ASK_ABOUT_MY_DAY, SMALLER, notThisTime);
        for (String bearer : List.of(ProductOnH2.therapistToken(HALF_CONSENTED), ProductOnH2.therapistToken(UNINVITED),
                TestTokens.trusted().partner(ROBIN))) {
            HttpResponse<String> refused = product.queries.getWithToken(bearer, overview);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain(ASK_ABOUT_MY_DAY, SMALLER, COOK_ON_SUNDAYS, done);
        }
        assertThat(product.queries.get(ROBIN, "/api/queries/my/couple").toString())
                .doesNotContain(ASK_ABOUT_MY_DAY, SMALLER, done);
        assertThat(robinsScreen.received().toString()).doesNotContain(ASK_ABOUT_MY_DAY, SMALLER, done);
        samsScreen.close();
        robinsScreen.close();
    }

    private static String behaviour(String words) {
        return "{\"step\":\"lists\",\"words\":\"" + words + "\",\"size\":2}";
    }

    private static JsonNode stepOf(JsonNode overview, String committedBy) {
        return overview.path("babySteps").valueStream().filter(step -> step.path("committedBy").asString().equals(committedBy))
                .findFirst().orElseThrow(() -> new AssertionError("no step of " + committedBy + " in " + overview));
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String rule, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode problem = JSON.readTree(answer.body());
        if (rule != null) {
            assertThat(problem.path("rule").asString()).isEqualTo(rule);
        }
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString())).containsExactly(field);
    }
}
