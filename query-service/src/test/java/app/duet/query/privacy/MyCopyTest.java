package app.duet.query.privacy;

import app.duet.api.access.Role;
import app.duet.query.live.ViewPages;
import app.duet.query.support.ProductOnH2;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each partner downloads their own copy of their couple's data: what both of them see, whole, and what
 * is theirs alone; never what their partner keeps to themselves, a therapist's notes or a safety concern.
 * Nobody else gets a copy, and the refusal reads as for a couple that does not exist.
 */
@ExtendWith(OutputCaptureExtension.class)
class MyCopyTest {

    private static final TestTokens ISSUER = TestTokens.trusted();
    private static final String ALEX = UUID.randomUUID().toString();
    private static final String SAM = UUID.randomUUID().toString();
    private static final String THERAPIST = UUID.randomUUID().toString();
    private static final String ALEX_DRAFT = "what I really felt at the station";
    private static final String ALEX_ITEM = "no talks about money after ten";
    private static final String SAM_SHARED = "I missed you on the walk home";
    private static final String SAM_DRAFT = "I am afraid you will leave";
    private static final String SAM_ITEM = "a night out with friends each month";
    private static final String SAM_CONCERN = "the shouting scares me";
    private static final String NOTE = "pursue-withdraw, he leads";
    /** More bids than a view's newest window holds: the copy has them all. */
    private static final int BIDS = ViewPages.WINDOW + 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ProductOnH2 product;
    private static CommandClient.PairedSession paired;

    @BeforeAll
    static void aCoupleWithSharedAndPrivateWordsAndATherapistWhoRead() {
        product = ProductOnH2.start("duet.access.command-burst=500", "duet.access.commands-per-second=500");
        CommandClient commands = product.commands;
        paired = commands.pairAndJoinSession(ALEX, SAM);
        String couple = "/api/commands/couples/" + paired.coupleId();
        String session = "/api/commands/sessions/" + paired.sessionId();
        commands.post(ALEX, couple + "/therapists", "{\"therapistCode\":\"" + THERAPIST + "\",\"therapistName\":\"Dr. Okafor\"}");
        commands.post(SAM, couple + "/therapists/" + THERAPIST + "/consent", null);

        assertThat(commands.sendPut(ALEX, session + "/entries/alex-draft", "{\"text\":\"" + ALEX_DRAFT + "\"}").statusCode())
                .isEqualTo(204);
        commands.post(ALEX, couple + "/lists", "{\"list\":\"BOUNDARY\",\"words\":\"" + ALEX_ITEM + "\"}");
        assertThat(commands.sendPut(SAM, session + "/entries/sam-shared", "{\"text\":\"" + SAM_SHARED + "\"}").statusCode())
                .isEqualTo(204);
        commands.post(SAM, session + "/entries/sam-shared/share", null);
        assertThat(commands.sendPut(SAM, session + "/entries/sam-draft", "{\"text\":\"" + SAM_DRAFT + "\"}").statusCode())
                .isEqualTo(204);
        commands.post(SAM, couple + "/lists", "{\"list\":\"RELATIONSHIP_NEED\",\"words\":\"" + SAM_ITEM + "\"}");
        commands.post(SAM, couple + "/safety-concerns", "{\"words\":\"" + SAM_CONCERN + "\"}");
        for (int bid = 1; bid <= BIDS; bid++) {
            commands.post(SAM, session + "/bids", "{\"words\":\"bid number " + bid + "\"}");
        }
        String therapist = ProductOnH2.therapistToken(THERAPIST);
        assertThat(commands.sendWithToken(therapist, couple + "/notes", "{\"text\":\"" + NOTE + "\"}").statusCode()).isEqualTo(201);

        // Everything is in the views before any copy is asked for, so what a copy leaves out it leaves out on purpose.
        String view = "/api/queries/sessions/" + paired.sessionId();
        String coupleView = "/api/queries/couples/" + paired.coupleId();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                product.queries.getAs(therapist, view).body().contains(SAM_SHARED)
                        && product.queries.allItems(ALEX, view, "bids").size() == BIDS
                        && product.queries.get(ALEX, view + "/my-drafts").toString().contains(ALEX_DRAFT)
                        && product.queries.get(SAM, view + "/my-drafts").toString().contains(SAM_DRAFT)
                        && product.queries.get(ALEX, coupleView + "/my-list").toString().contains(ALEX_ITEM)
                        && product.queries.get(SAM, coupleView + "/my-list").toString().contains(SAM_ITEM)
                        && product.queries.getAs(therapist, coupleView + "/notes").body().contains(NOTE)
                        && product.queries.getAs(therapist, coupleView + "/safety-concerns").body().contains(SAM_CONCERN)
                        && product.queries.get(ALEX, coupleView + "/reads").toString().contains("session " + paired.sessionId()));
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void eachPartnersCopyHoldsWhatBothSeeAndTheirOwnWordsButNeverTheirPartnersPrivateOnes(CapturedOutput log) {
        int readsBefore = product.queries.get(ALEX, "/api/queries/couples/" + paired.coupleId() + "/reads").size();

        JsonNode alexCopy = copyOf(ALEX);
        assertThat(wordsIn(alexCopy.path("myListItems"), "words")).containsExactly(ALEX_ITEM);
        assertThat(wordsIn(onlySession(alexCopy).path("myDrafts"), "text")).containsExactly(ALEX_DRAFT);
        assertThat(alexCopy.toString()).doesNotContain(SAM_DRAFT, SAM_ITEM, SAM_CONCERN, NOTE);

        JsonNode samCopy = copyOf(SAM);
        assertThat(wordsIn(samCopy.path("myListItems"), "words")).containsExactly(SAM_ITEM);
        assertThat(wordsIn(onlySession(samCopy).path("myDrafts"), "text")).containsExactly(SAM_DRAFT);
        assertThat(samCopy.toString()).doesNotContain(ALEX_DRAFT, ALEX_ITEM, NOTE)
                .as("a concern stays with the therapist, out of a file a partner could find").doesNotContain(SAM_CONCERN);

        for (JsonNode copy : List.of(alexCopy, samCopy)) {
            JsonNode session = onlySession(copy).path("session");
            assertThat(wordsIn(session.path("entries"), "text")).as("what Sam shared").contains(SAM_SHARED);
            assertThat(session.path("bids").size()).as("every bid, not only the newest window").isEqualTo(BIDS);
            assertThat(copy.path("couple").path("partners").size()).isEqualTo(2);
            assertThat(copy.path("reads").toString()).contains("session " + paired.sessionId(), "Dr. Okafor");
            assertThat(copy.path("about").path("whatIsNotInIt").toString()).contains("your partner");
        }
        assertThat(alexCopy.path("about").path("madeFor").asString()).isEqualTo("Alex");
        assertThat(product.queries.get(ALEX, "/api/queries/couples/" + paired.coupleId() + "/reads").size())
                .as("a partner's own copy is not a read by someone else").isEqualTo(readsBefore);
        assertThat(log.getAll()).as("nothing of a copy is logged").doesNotContain(ALEX_DRAFT, ALEX_ITEM, SAM_DRAFT, SAM_ITEM, SAM_SHARED);
    }

    @Test
    void anOutsiderATherapistAndAnAnalystAreRefusedAsForACoupleThatDoesNotExist() {
        String nowhere = UUID.randomUUID().toString();
        Map<String, String> others = Map.of(
                "a partner of no couple of theirs", ISSUER.partner(UUID.randomUUID().toString()),
                "the couple's own consented therapist", ProductOnH2.therapistToken(THERAPIST),
                "an analyst", ISSUER.token(UUID.randomUUID().toString(), Role.ANALYST, Duration.ofMinutes(5)));
        others.forEach((who, token) -> {
            HttpResponse<String> theirs = product.queries.getWithToken(token, copyPath(paired.coupleId()));
            HttpResponse<String> none = product.queries.getWithToken(token, copyPath(nowhere));
            assertThat(theirs.statusCode()).as(who).isEqualTo(none.statusCode()).isEqualTo(403);
            assertThat(withoutInstance(theirs.body())).as(who).isEqualTo(withoutInstance(none.body()));
            assertThat(theirs.headers().firstValue("Content-Disposition")).as(who).isEmpty();
            assertThat(theirs.body()).as(who).doesNotContain(ALEX_DRAFT, SAM_SHARED, "bid number");
        });
    }

    private static JsonNode copyOf(String partner) {
        HttpResponse<String> answer = product.queries.getAs(ISSUER.partner(partner), copyPath(paired.coupleId()));
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"duet-[^\"]+\\.json\"");
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return JSON.readTree(answer.body());
    }

    private static String copyPath(String coupleId) {
        return "/api/queries/couples/" + coupleId + "/my-copy";
    }

    private static JsonNode onlySession(JsonNode copy) {
        assertThat(copy.path("sessions").size()).isEqualTo(1);
        return copy.path("sessions").get(0);
    }

    private static List<String> wordsIn(JsonNode items, String field) {
        List<String> words = new ArrayList<>();
        items.forEach(item -> words.add(item.path(field).asString()));
        return words;
    }

    /** The problem's instance is the path asked for, which the caller knows already. */
    private static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\",?", "");
    }
}
