package app.duet.command.http;

import app.duet.command.CommandServiceApplication;
import app.duet.api.access.Role;
import app.duet.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command endpoints over real HTTP on the embedded H2 event store: what a partner gets back for
 * good and for bad input, and that a rejected command stores nothing.
 */
@AutoConfigureMetrics
@AutoConfigureTestRestTemplate
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + CommandServiceApplication.CONFIG_NAME,
                "spring.datasource.url=jdbc:h2:mem:command-endpoints;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "spring.datasource.username=sa",
                "spring.datasource.password="
        })
class CommandEndpointsTest {

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry properties) {
        TestTokens.trusted().trustIn(properties);
    }

    private final String alex = UUID.randomUUID().toString();
    private final String sam = UUID.randomUUID().toString();

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ObjectMapper json;

    @Test
    void twoPartnersPairStartASessionAndAnswerABid() throws Exception {
        JsonNode couple = post(alex, "/api/commands/couples", "{\"displayName\":\"Alex\"}", HttpStatus.CREATED);
        assertThat(couple.get("invitationCode").asString()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        String coupleId = couple.get("coupleId").asString();

        String typedCode = couple.get("invitationCode").asString().toLowerCase().replace("-", " ");
        JsonNode joined = post(sam, "/api/commands/couples/join",
                "{\"invitationCode\":\"" + typedCode + "\",\"displayName\":\"Sam\"}", HttpStatus.CREATED);
        assertThat(joined.get("coupleId").asString()).isEqualTo(coupleId);

        String sessionId = post(alex, "/api/commands/couples/" + coupleId + "/sessions",
                "{\"exercise\":\"CHECK_IN\"}", HttpStatus.CREATED).get("sessionId").asString();
        post(alex, "/api/commands/sessions/" + sessionId + "/join", "", HttpStatus.NO_CONTENT);
        post(sam, "/api/commands/sessions/" + sessionId + "/join", "", HttpStatus.NO_CONTENT);
        String bidId = post(alex, "/api/commands/sessions/" + sessionId + "/bids",
                "{\"words\":\"Tea in the garden?\"}", HttpStatus.CREATED).get("bidId").asString();
        post(sam, "/api/commands/sessions/" + sessionId + "/bids/" + bidId + "/answer",
                "{\"response\":\"TOWARD\"}", HttpStatus.NO_CONTENT);

        long stored = eventCount();
        JsonNode again = post(sam, "/api/commands/sessions/" + sessionId + "/bids/" + bidId + "/answer",
                "{\"response\":\"AGAINST\"}", HttpStatus.CONFLICT);
        assertThat(again.get("rule").asString()).isEqualTo("bid-already-answered");
        // An outsider is answered exactly as for a session that does not exist: ids cannot be probed.
        String outsiderId = UUID.randomUUID().toString();
        JsonNode outsider = post(outsiderId, "/api/commands/sessions/" + sessionId + "/join", "", HttpStatus.FORBIDDEN);
        JsonNode nowhere = post(outsiderId, "/api/commands/sessions/" + UUID.randomUUID() + "/join", "", HttpStatus.FORBIDDEN);
        assertThat(outsider.get("detail")).isEqualTo(nowhere.get("detail"));
        assertThat(outsider.has("rule")).isFalse();
        JsonNode usedCode = post(UUID.randomUUID().toString(), "/api/commands/couples/join",
                "{\"invitationCode\":\"" + couple.get("invitationCode").asString() + "\",\"displayName\":\"Robin\"}",
                HttpStatus.CONFLICT);
        assertThat(usedCode.get("rule").asString()).isEqualTo("unknown-invitation-code");
        JsonNode secondCouple = post(alex, "/api/commands/couples", "{\"displayName\":\"Alex\"}", HttpStatus.CONFLICT);
        assertThat(secondCouple.get("rule").asString()).isEqualTo("already-in-a-couple");
        assertThat(eventCount()).isEqualTo(stored);
    }

    @Test
    void aBlankNameIsRejectedNamingTheField() throws Exception {
        long stored = eventCount();
        JsonNode problem = post(alex, "/api/commands/couples", "{\"displayName\":\"  \"}", HttpStatus.BAD_REQUEST);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("displayName");
        assertThat(eventCount()).isEqualTo(stored);
    }

    @Test
    void anUnknownExerciseIsRejectedNamingTheField() throws Exception {
        JsonNode problem = post(alex, "/api/commands/couples/" + UUID.randomUUID() + "/sessions",
                "{\"exercise\":\"ARM_WRESTLING\"}", HttpStatus.BAD_REQUEST);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("exercise");
    }

    @Test
    void aMissingNumberIsRejectedNamingTheFieldNotReadAsZero() throws Exception {
        long stored = eventCount();
        JsonNode problem = post(alex, "/api/commands/couples/" + UUID.randomUUID() + "/check-ins",
                "{\"lean\":\"IN\"}", HttpStatus.BAD_REQUEST);
        assertThat(problem.get("title").asString()).as("a rule of the request, not an unreadable body").isEqualTo("Invalid input");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("energy");
        assertThat(eventCount()).isEqualTo(stored);
    }

    @Test
    void theServiceServesDuetsApiDocument() throws Exception {
        JsonNode document = json.readTree(http.getForObject("/api/commands/openapi", String.class));
        assertThat(document.path("info").path("title").asString()).isEqualTo("Duet API");
        assertThat(document.path("components").path("securitySchemes").has("bearer")).isTrue();
    }

    @Test
    void aFieldNamedTwiceIsRefusedNamingItAndNothingIsStored() throws Exception {
        long stored = eventCount();
        JsonNode problem = post(alex, "/api/commands/couples", "{\"displayName\":\"Alex\",\"displayName\":\"Mallory\"}",
                HttpStatus.BAD_REQUEST);
        assertThat(problem.get("detail").asString()).contains("displayName");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("displayName");
        assertThat(eventCount()).isEqualTo(stored);
    }

    @Test
    void malformedJsonIsAClearProblem() throws Exception {
        JsonNode problem = post(alex, "/api/commands/couples", "{\"displayName\":", HttpStatus.BAD_REQUEST);
        assertThat(problem.get("title").asString()).isEqualTo("Unreadable request");
    }

    @Test
    void aRequestThatNamesNoPartnerIsUnauthorized() throws Exception {
        post(null, "/api/commands/couples", "{\"displayName\":\"Alex\"}", HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTherapistCannotActAsAPartner() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TestTokens.trusted().token(UUID.randomUUID().toString(), Role.THERAPIST,
                java.time.Duration.ofMinutes(5)));
        ResponseEntity<String> response = http.exchange("/api/commands/couples", HttpMethod.POST,
                new HttpEntity<>("{\"displayName\":\"Dr. Lee\"}", headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json.readTree(response.getBody()).get("detail").asString()).contains("partner");
    }


    @Test
    void commandLatencyIsExposedToPrometheusByCommandAndOutcome() throws Exception {
        post(UUID.randomUUID().toString(), "/api/commands/couples", "{\"displayName\":\"Alex\"}", HttpStatus.CREATED);
        post(alex, "/api/commands/sessions/" + UUID.randomUUID() + "/join", "", HttpStatus.FORBIDDEN);

        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).containsPattern("duet_command_seconds_count\\{[^}]*command=\"CreateCouple\"[^}]*outcome=\"accepted\"")
                .containsPattern("duet_command_seconds_count\\{[^}]*command=\"JoinSession\"[^}]*outcome=\"failed\"");
        // Spring Security's timers around every filter and sign-in cost more than they tell: switched off.
        assertThat(metrics).doesNotContain("spring_security_");
        // So are Axon's per-message meters (no dashboard reads them; duet_command_seconds says the same).
        assertThat(metrics).doesNotContainPattern("(?m)^(commandBus|eventStore|queryBus|queryUpdateEmitter)_");
    }

    private JsonNode post(String partnerId, String path, String body, HttpStatus expected) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (partnerId != null) {
            headers.setBearerAuth(TestTokens.trusted().partner(partnerId));
        }
        ResponseEntity<String> response = http.exchange(path, HttpMethod.POST,
                new HttpEntity<>(body.isEmpty() ? null : body, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return response.getBody() == null ? json.nullNode() : json.readTree(response.getBody());
    }

    private long eventCount() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }
}
