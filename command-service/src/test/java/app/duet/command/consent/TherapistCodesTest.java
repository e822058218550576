package app.duet.command.consent;

import app.duet.api.access.Role;
import app.duet.api.consent.TherapistInvited;
import app.duet.command.CommandServiceApplication;
import app.duet.testing.TestTokens;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A therapist's code is as short as a couple's (K7QF-2MZD), the same every time they look, and
 * couples invite them with it, typed any way; codes of earlier builds (the account id) still work.
 * Refusals say what is wrong in words, never by a field's internal name.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + CommandServiceApplication.CONFIG_NAME,
                "spring.datasource.url=jdbc:h2:mem:therapist-codes;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "spring.datasource.username=sa",
                "spring.datasource.password="
        })
class TherapistCodesTest {

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry properties) {
        TestTokens.trusted().trustIn(properties);
    }

    private final String alex = UUID.randomUUID().toString();
    private final String sam = UUID.randomUUID().toString();
    private final String therapist = UUID.randomUUID().toString();

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private EventStore events;

    @Test
    void aTherapistsCodeIsShortAndTheSameEveryTime() throws Exception {
        String code = codeOf(therapist);

        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(codeOf(therapist)).isEqualTo(code);
        assertThat(codeOf(UUID.randomUUID().toString())).isNotEqualTo(code);
        send(HttpMethod.PUT, TestTokens.trusted().partner(alex), "/api/commands/therapist-code", "", HttpStatus.FORBIDDEN);
    }

    @Test
    void aPartnerInvitesByTheCodeTypedAnyWayAndTheTherapistsOwnNameComesWithIt() throws Exception {
        String code = codeOf(therapist);
        String couple = pairedCouple();

        send(TestTokens.trusted().partner(alex), "/api/commands/couples/" + couple + "/therapists",
                "{\"therapistCode\":\"" + code.toLowerCase().replace("-", " ") + "\"}", HttpStatus.NO_CONTENT);

        send(TestTokens.trusted().partner(sam), "/api/commands/couples/" + couple + "/therapists/" + therapist + "/consent",
                "", HttpStatus.NO_CONTENT);
        List<TherapistInvited> invited = events.readEvents(couple).asStream()
                .filter(event -> event.getPayload() instanceof TherapistInvited)
                .map(event -> (TherapistInvited) event.getPayload()).toList();
        assertThat(invited).singleElement().satisfies(event -> {
            assertThat(event.therapistId()).isEqualTo(therapist);
            assertThat(event.therapistName()).isEqualTo("Test therapist");
        });
    }

    @Test
    void anAccountIdAsEarlierBuildsShowedItStillInvites() throws Exception {
        String couple = pairedCouple();

        send(TestTokens.trusted().partner(alex), "/api/commands/couples/" + couple + "/therapists",
                "{\"therapistCode\":\"" + therapist.toUpperCase() + "\",\"therapistName\":\"Dr. Lee\"}", HttpStatus.NO_CONTENT);

        send(TestTokens.trusted().partner(sam), "/api/commands/couples/" + couple + "/therapists/" + therapist + "/consent",
                "", HttpStatus.NO_CONTENT);
    }

    @Test
    void anUnknownOrMalformedCodeIsRefusedInWordsAndStoresNothing() throws Exception {
        String couple = pairedCouple();
        long before = eventCount();

        JsonNode unknown = send(TestTokens.trusted().partner(alex), "/api/commands/couples/" + couple + "/therapists",
                "{\"therapistCode\":\"ABCD-EFGH\"}", HttpStatus.CONFLICT);
        JsonNode malformed = send(TestTokens.trusted().partner(alex), "/api/commands/couples/" + couple + "/therapists",
                "{\"therapistCode\":\"x!\",\"therapistName\":\"Dr. Lee\"}", HttpStatus.BAD_REQUEST);

        assertThat(unknown.get("detail").asString()).isEqualTo(
                "No therapist has this code. Please check it against the one your therapist gave you.");
        assertThat(malformed.get("detail").asString()).startsWith("A therapist's code looks like K7QF-2MZD.");
        assertThat(unknown.get("detail").asString() + malformed.get("detail").asString()).doesNotContain("therapistCode");
        assertThat(eventCount()).isEqualTo(before);
    }

    private String pairedCouple() throws Exception {
        JsonNode couple = send(TestTokens.trusted().partner(alex), "/api/commands/couples", "{\"displayName\":\"Alex\"}", HttpStatus.CREATED);
        send(TestTokens.trusted().partner(sam), "/api/commands/couples/join",
                "{\"invitationCode\":\"" + couple.get("invitationCode").asString() + "\",\"displayName\":\"Sam\"}", HttpStatus.CREATED);
        return couple.get("coupleId").asString();
    }

    private String codeOf(String therapistId) throws Exception {
        return send(HttpMethod.PUT, TestTokens.trusted().token(therapistId, Role.THERAPIST, Duration.ofMinutes(5)),
                "/api/commands/therapist-code", "", HttpStatus.OK).get("therapistCode").asString();
    }

    private JsonNode send(String token, String path, String body, HttpStatus expected) throws Exception {
        return send(HttpMethod.POST, token, path, body, expected);
    }

    private JsonNode send(HttpMethod method, String token, String path, String body, HttpStatus expected) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(body.isEmpty() ? null : body, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return response.getBody() == null ? json.nullNode() : json.readTree(response.getBody());
    }

    private long eventCount() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }
}
