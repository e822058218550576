package app.duet.command.http;

import app.duet.command.CommandServiceApplication;
import app.duet.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With invitations valid for no time at all, every code has expired by the time anyone joins. */
@AutoConfigureTestRestTemplate
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + CommandServiceApplication.CONFIG_NAME,
                "spring.datasource.url=jdbc:h2:mem:expired-invitations;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "spring.datasource.username=sa",
                "spring.datasource.password=",
                "duet.invitations.valid-for=0s"
        })
class ExpiredInvitationTest {

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry properties) {
        TestTokens.trusted().trustIn(properties);
    }

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private ObjectMapper json;

    @Test
    void anExpiredCodeIsRefusedSayingSo() throws Exception {
        JsonNode couple = json.readTree(post(UUID.randomUUID().toString(), "/api/commands/couples",
                "{\"displayName\":\"Alex\"}").getBody());

        ResponseEntity<String> joining = post(UUID.randomUUID().toString(), "/api/commands/couples/join",
                "{\"invitationCode\":\"" + couple.get("invitationCode").asString() + "\",\"displayName\":\"Sam\"}");

        assertThat(joining.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(joining.getBody()).get("rule").asString()).isEqualTo("invitation-expired");
    }

    private ResponseEntity<String> post(String partner, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TestTokens.trusted().partner(partner));
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
