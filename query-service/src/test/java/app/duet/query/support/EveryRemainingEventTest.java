package app.duet.query.support;

import app.duet.testing.CommandClient;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lena and Tomás, with their therapist Dr. Haddad, through everything the other scenario tests'
 * stores leave out: a bid answered inside a joint session, a pause and a resume, the therapist
 * observing and leaving, both partners leaving so the session ends; homework set and done; a
 * time-bound commitment proposed, adjusted, accepted by both, a check-point reviewed and the
 * commitment concluded; attendance with a missed session; list items kept, shared and dropped.
 * Run with {@code -Dduet.fixtures.write=DIR}, its store becomes a fixture a later build must read.
 */
class EveryRemainingEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LENA = UUID.randomUUID().toString();
    private static final String TOMAS = UUID.randomUUID().toString();
    private static final String THERAPIST = UUID.randomUUID().toString();

    /** The event types no other scenario test's store holds yet. */
    private static final List<String> REMAINING = List.of("BidAnswered", "CheckpointReviewed", "CommitmentAccepted",
            "CommitmentAdjusted", "CommitmentConcluded", "CommitmentMade", "CommitmentProposed", "HomeworkDone",
            "HomeworkSet", "ListItemDropped", "ListItemShared", "PartnerLeftSession", "AppointmentAttended",
            "AppointmentMissed", "SessionPaused", "SessionResumed", "TherapistLeftSession");

    private static ProductOnH2 product;
    private static CommandClient therapist;

    @BeforeAll
    static void start() {
        product = ProductOnH2.start();
        therapist = new CommandClient(ProductOnH2.baseUrl(product.commandSide), ProductOnH2::therapistToken);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void lenaAndTomasWithTheirTherapistProduceEveryRemainingEvent() throws Exception {
        CommandClient commands = product.commands;

        // Paired, with a therapist both consent to.
        var opened = commands.post(LENA, "/api/commands/couples", body(Map.of("displayName", "Lena")));
        String coupleId = opened.get("coupleId").asString();
        String couple = "/api/commands/couples/" + coupleId;
        commands.post(TOMAS, "/api/commands/couples/join", body(Map.of(
                "invitationCode", opened.get("invitationCode").asString(), "displayName", "Tomás")));
        commands.post(LENA, couple + "/therapists", body(Map.of("therapistCode", THERAPIST,
                "therapistName", "Dr. Haddad")));
        commands.post(TOMAS, couple + "/therapists/" + THERAPIST + "/consent", null);

        // A joint session: both join, the therapist observes.
        String sessionId = commands.post(LENA, couple + "/sessions", body(Map.of("exercise", "COMMITMENT")))
                .get("sessionId").asString();
        String session = "/api/commands/sessions/" + sessionId;
        commands.post(LENA, session + "/join", null);
        commands.post(TOMAS, session + "/join", null);
        therapist.post(THERAPIST, session + "/observe", null);

        // A bid inside the session, answered toward.
        String bid = commands.post(LENA, session + "/bids",
                body(Map.of("words", "Can I tell you how the call with my sister went?"))).get("bidId").asString();
        commands.post(TOMAS, session + "/bids/" + bid + "/answer", body(Map.of("response", "TOWARD")));

        // Tomás needs a breath; the therapist resumes the session once he is ready.
        commands.post(TOMAS, session + "/pause", null);
        therapist.post(THERAPIST, session + "/resume", null);

        // Homework, set by the therapist and done by Lena.
        LocalDate today = LocalDate.now();
        String homework = therapist.post(THERAPIST, couple + "/homework", body(Map.of(
                "words", "Take a twenty-minute walk together on Sunday, phones left at home, and each name one thing you missed this week",
                "dueOn", today.plusDays(7).toString()))).get("homeworkId").asString();
        commands.post(LENA, couple + "/homework/" + homework + "/done", null);

        // A time-bound commitment begun a fortnight ago: proposed, moved later by Tomás, accepted by both
        // (made), today's check-point reviewed (none is before its day), and concluded as continuing.
        LocalDate firstCheckpoint = today;
        String commitment = therapist.post(THERAPIST, couple + "/commitments", body(Map.of(
                "startsOn", today.minusDays(14).toString(), "endsOn", today.plusDays(28).toString(),
                "improvementBy", today.plusDays(14).toString(),
                "checkpoints", List.of(firstCheckpoint.toString(), today.plusDays(14).toString())))).get("commitmentId").asString();
        String commitmentPath = couple + "/commitments/" + commitment;
        commands.post(TOMAS, commitmentPath + "/adjust", body(Map.of(
                "endsOn", today.plusDays(42).toString(), "improvementBy", today.plusDays(21).toString())));
        commands.post(TOMAS, commitmentPath + "/accept", null);
        commands.post(LENA, commitmentPath + "/accept", null);
        therapist.post(THERAPIST, commitmentPath + "/checkpoints", body(Map.of(
                "checkpoint", firstCheckpoint.toString(), "outcome", "PARTLY_KEPT")));
        therapist.post(THERAPIST, commitmentPath + "/conclude", body(Map.of("outcome", "CONTINUING")));

        // Attendance: both came a fortnight ago; last week only Lena came, so Tomás missed it.
        therapist.post(THERAPIST, couple + "/attendance", body(Map.of(
                "heldOn", today.minusDays(14).toString(), "attendedBy", List.of(LENA, TOMAS))));
        therapist.post(THERAPIST, couple + "/attendance", body(Map.of(
                "heldOn", today.minusDays(7).toString(), "attendedBy", List.of(LENA))));

        // Lena's lists: a need she shares, a boundary she keeps to herself, a deal-breaker she drops.
        String need = commands.post(LENA, couple + "/lists", body(Map.of("list", "RELATIONSHIP_NEED",
                "words", "To hear good morning from you before the day rushes in"))).get("itemId").asString();
        commands.post(LENA, couple + "/lists", body(Map.of("list", "BOUNDARY",
                "words", "No talking about money after ten at night")));
        String dealBreaker = commands.post(LENA, couple + "/lists", body(Map.of("list", "DEAL_BREAKER",
                "words", "Being lied to about where the savings went"))).get("itemId").asString();
        commands.post(LENA, couple + "/lists/" + need + "/share", null);
        commands.post(LENA, couple + "/lists/" + dealBreaker + "/drop", null);

        // The therapist stops observing; Lena leaves, then Tomás, and the session ends.
        therapist.post(THERAPIST, session + "/stop-observing", null);
        commands.post(LENA, session + "/leave", null);
        commands.post(TOMAS, session + "/leave", null);

        List<String> stored = product.commandSide.getBean(JdbcClient.class)
                .sql("SELECT DISTINCT payload_type FROM domain_event_entry").query(String.class).list()
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
        assertThat(stored).as("the store holds every remaining event type").containsAll(REMAINING);
        assertThat(stored).contains("SessionEnded");
    }

    private static String body(Map<String, Object> fields) throws Exception {
        return JSON.writeValueAsString(fields);
    }
}
