package app.duet.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ups and token requests are limited per source address, the one a trusted proxy names in
 * X-Forwarded-For (here 127.0.0.1 is the trusted proxy): past the limit a source is answered 429 with
 * Retry-After and words the page shows, while another source goes on as before.
 */
@SpringBootTest(classes = IdentityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + IdentityApplication.CONFIG_NAME,
                "spring.datasource.url=jdbc:h2:mem:source-limits;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "spring.datasource.username=sa",
                "spring.datasource.password=",
                "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
                "duet.identity.sign-ups-per-hour=3",
                "duet.identity.token-requests-per-minute=5"
        })
class SourceLimitsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aFloodOfSignUpsFromOneSourceIsRefusedWhileAnotherSourceStillSignsUp() throws Exception {
        for (int signUp = 0; signUp < 3; signUp++) {
            assertThat(signUp("198.51.100.7").statusCode()).isEqualTo(201);
        }
        HttpResponse<String> refused = signUp("198.51.100.7");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"rule\":\"too-many-sign-ups\"", "Many accounts were opened from your network just now")
                .doesNotContain("198.51.100.7");
        assertThat(signUp("198.51.100.8").statusCode()).isEqualTo(201);
    }

    @Test
    void aFloodOfTokenRequestsFromOneSourceIsRefused() throws Exception {
        for (int request = 0; request < 5; request++) {
            assertThat(tokenRequest("203.0.113.9").statusCode()).isBetween(400, 401);
        }
        HttpResponse<String> refused = tokenRequest("203.0.113.9");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("\"rule\":\"too-many-token-requests\"", "Please wait");
        assertThat(tokenRequest("203.0.113.10").statusCode()).isBetween(400, 401);
    }

    private HttpResponse<String> signUp(String source) throws Exception {
        String body = """
                {"email":"%s@duet.test","password":"a long enough password","displayName":"Robin","role":"PARTNER"}"""
                .formatted(UUID.randomUUID());
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/identity/accounts"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", source)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A code exchange with a code that was never given: refused as such (400), until the limit refuses it first. */
    private HttpResponse<String> tokenRequest(String source) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", source)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=made-up&client_id=duet-web"
                        + "&redirect_uri=http://localhost:8080/&code_verifier=" + "v".repeat(43)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
