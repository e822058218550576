package app.duet.query.cycle;

import app.duet.api.access.Role;
import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.cycle.CycleRole;
import app.duet.api.cycle.GottmanReference;
import app.duet.api.cycle.EvidenceKind;
import app.duet.api.cycle.Phase;
import app.duet.api.cycle.TimelineKind;
import app.duet.api.exercise.Lean;
import app.duet.query.QueryServiceApplication;
import app.duet.testing.TestTokens;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cycle state's words as every screen takes them: read by anyone signed in, refused to anyone
 * else, and a word for every phase, role, lean, band, moment, figure and event the state can name.
 */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
                "spring.config.name=" + QueryServiceApplication.CONFIG_NAME,
                "spring.datasource.url=jdbc:h2:mem:cycle-labels;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "spring.datasource.username=sa",
                "spring.datasource.password=",
                // The event store's tables, made as command-service makes them (H2 has no NOTIFY trigger).
                "spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor}",
                "duet.mongo.embedded=true"
        })
class CycleLabelsControllerTest {

    private static final String LABELS = "/api/queries/cycle/labels";
    /** The moments the cycle state puts on its timeline, as it names them on the wire. */
    private static final List<String> MOMENTS = List.of("paired", "session-started", "bid-made", "bid-turned-toward",
            "bid-turned-away", "bid-turned-against", "bid-missed", "softening", "re-engagement", "change-event-confirmed",
            "appreciation", "baby-step-committed", "baby-step-done", "baby-step-not-done", "let-go-proposed", "resentment-released", "homework-done",
            "session-missed", "named-their-side", "leaned-in", "leaned-back", "leaned-out");
    /** The figures whose events a "Why?" shows, each without its ":<partner>", ":<session>" or ":<event>". */
    private static final List<String> FIGURES = List.of("phase", "phase-change", "declared-role", "shown-role", "bids-toward",
            "lean-gap", "adherence", "resentments", "last-softening", "last-reengagement", "session-ratio",
            "named-the-loop");
    /** The events the cycle state is built from, so any of them can lie behind a figure. */
    private static final List<String> EVENTS = List.of("CoupleCreated", "PartnerJoinedCouple", "SessionStarted",
            "BidMade", "EverydayBidMade", "BidAnswered", "EverydayBidAnswered", "BidMissed", "EverydayBidMissed",
            "TherapistInvited", "TherapistAccessGranted", "TherapistAccessWithdrawn", "PartnerJoinedSession", "CycleLinkRecorded", "EntryShared",
            "AnswersRevealed", "LeanCheckedIn", "LeanRecorded", "BlamerSoftened", "WithdrawerReengaged", "ChangeEventConfirmed",
            "AppreciationExpressed", "BabyStepCommitted", "BabyStepFollowedUp", "LetGoProposed", "ResentmentReleased", "HomeworkSet",
            "HomeworkDone", "CheckpointReviewed", "AppointmentAttended", "AppointmentMissed");

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry properties) {
        TestTokens.trusted().trustIn(properties);
    }

    @Autowired
    private WebApplicationContext context;
    @Autowired
    @Qualifier("springSecurityFilterChain")
    private Filter security;
    @Autowired
    private ObjectMapper json;

    private MockMvc http;

    @BeforeEach
    void throughTheSecurityFilters() {
        http = MockMvcBuilders.webAppContextSetup(context).addFilters(security).build();
    }

    @Test
    void everyoneSignedInReadsTheLabelsAndNobodyElse() throws Exception {
        for (Role role : Role.values()) {
            http.perform(get(LABELS).header(HttpHeaders.AUTHORIZATION, "Bearer " + token(role)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.phases.CONNECTED.label").value("Connected"));
        }
        http.perform(get(LABELS))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        http.perform(get(LABELS).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.untrusted().partner("someone")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void everyPhaseRoleAndLeanHasAWordAndPhasesAndLeansSayWhatTheyMean() throws Exception {
        JsonNode labels = labels("en");
        assertThat(labels.get("phases").propertyNames()).as("in the phases' order")
                .containsExactly(names(Phase.values()));
        labels.get("phases").forEach(phase -> {
            assertThat(phase.get("label").asString()).isNotBlank();
            assertThat(phase.get("about").asString()).isNotBlank();
        });
        assertThat(labels.get("roles").propertyNames()).containsExactly(names(CycleRole.values()));
        assertThat(labels.get("leans").propertyNames()).containsExactly(names(Lean.values()));
        assertThat(labels.at("/leans/IN/label").asString()).isEqualTo("Leaning in");
        assertThat(labels.at("/phases/RE_ENGAGING/label").asString()).isEqualTo("Reaching back in");
    }

    @Test
    void everyBandLeanGapMomentFigureAndEventTheStateNamesHasAWord() throws Exception {
        JsonNode labels = labels("en");
        assertThat(labels.get("bands").propertyNames()).containsExactlyInAnyOrder(GottmanReference.BELOW_DIVORCED,
                GottmanReference.BETWEEN, GottmanReference.STAYED_TOGETHER);
        assertThat(labels.get("gaps").propertyNames()).containsExactlyInAnyOrder("0", "1", "2");

        List<String> moments = Arrays.stream(TimelineKind.values()).map(TimelineKind::wireName).toList();
        assertThat(moments).containsAll(MOMENTS);
        Arrays.stream(Phase.values()).forEach(phase -> assertThat(moments).contains(TimelineKind.phaseChangedTo(phase).wireName()));
        Arrays.stream(CheckpointOutcome.values()).forEach(outcome -> assertThat(moments).contains(TimelineKind.checkpoint(outcome).wireName()));
        assertThat(labels.get("timeline").propertyNames()).containsExactlyInAnyOrderElementsOf(moments);
        MOMENTS.forEach(kind -> assertThat(labels.at("/timeline/" + kind).asString()).as(kind).contains("{who}"));
        assertThat(labels.at("/timeline/phase-connected").asString()).contains(labels.at("/phases/CONNECTED/label").asString());

        assertThat(FIGURES).containsExactlyInAnyOrderElementsOf(Arrays.stream(EvidenceKind.values()).map(EvidenceKind::wireName).toList());
        assertThat(labels.get("evidence").propertyNames()).containsExactlyInAnyOrderElementsOf(FIGURES);
        assertThat(labels.get("events").propertyNames()).containsExactlyInAnyOrderElementsOf(EVENTS);
        List.of("bands", "gaps", "timeline", "evidence", "events").forEach(map ->
                labels.get(map).forEach(words -> assertThat(words.asString()).as(map).isNotBlank()));
    }

    @Test
    void aLanguageWithoutATranslationGetsEnglish() throws Exception {
        assertThat(labels("de-DE")).isEqualTo(labels("en"));
    }

    private JsonNode labels(String language) throws Exception {
        String body = http.perform(get(LABELS).header(HttpHeaders.AUTHORIZATION, "Bearer " + token(Role.PARTNER))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private static String token(Role role) {
        return TestTokens.trusted().token(UUID.randomUUID().toString(), role, Duration.ofMinutes(10));
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
