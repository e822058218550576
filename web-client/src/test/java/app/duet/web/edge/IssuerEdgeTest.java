package app.duet.web.edge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The token issuer lives behind the edge on the page's own origin: its session cookie and redirects pass untouched. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=web-client")
class IssuerEdgeTest {

    static final FakeService identity = FakeService.start();
    static final FakeService commandService = FakeService.start();
    static final FakeService queryService = FakeService.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("duet.edge.identity-url", identity::url);
        registry.add("duet.edge.command-service-url", commandService::url);
        registry.add("duet.edge.query-service-url", queryService::url);
    }

    @AfterAll
    static void stopServices() {
        identity.close();
        commandService.close();
        queryService.close();
    }

    @LocalServerPort
    int port;

    /** Like a browser's fetch for a form post: redirects come back as they are, never followed. */
    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void signInPostCarriesItsCookiesInAndTheIssuersRedirectAndCookiesComeBackUnchanged() throws Exception {
        String backToAuthorize = "http://localhost:8080/oauth2/authorize?response_type=code&client_id=duet-web&continue";
        identity.willAnswer(new FakeService.Answer(302, "text/plain", "", Map.of(
                "Location", List.of(backToAuthorize),
                "Set-Cookie", List.of("JSESSIONID=B2C3; Path=/; HttpOnly; SameSite=Lax",
                        "XSRF-TOKEN=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:10 GMT; Path=/"))));

        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(edge("/sign-in"))
                .POST(HttpRequest.BodyPublishers.ofString("email=robin%40example.test&password=a+calm+password&_csrf=t-1"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=A1B2; XSRF-TOKEN=t-1")
                .build(), HttpResponse.BodyHandlers.ofString());

        FakeService.Received received = identity.lastRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.pathAndQuery()).isEqualTo("/sign-in");
        assertThat(received.body()).isEqualTo("email=robin%40example.test&password=a+calm+password&_csrf=t-1");
        assertThat(received.header("Cookie")).isEqualTo("JSESSIONID=A1B2; XSRF-TOKEN=t-1");
        assertThat(received.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(backToAuthorize);
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly(
                "JSESSIONID=B2C3; Path=/; HttpOnly; SameSite=Lax",
                "XSRF-TOKEN=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:10 GMT; Path=/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oauth2/authorize?response_type=code&client_id=duet-web", "/oauth2/token", "/oauth2/jwks",
            "/.well-known/openid-configuration", "/userinfo", "/connect/logout", "/sign-in", "/sign-out",
            "/identity/sign-in.js", "/api/identity/accounts", "/api/identity/csrf"})
    void everyPathOfTheIssuerGoesToIdentity(String pathAndQuery) throws Exception {
        identity.willAnswer(new FakeService.Answer(200, "application/json", "{\"from\":\"identity\"}", Map.of()));

        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(edge(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"from\":\"identity\"}");
        assertThat(identity.lastRequest().pathAndQuery()).isEqualTo(pathAndQuery);
    }

    @Test
    void issuerLearnsTheAddressTheBrowserUsedSoItsRedirectsPointThere() throws Exception {
        browser.send(HttpRequest.newBuilder(edge("/oauth2/authorize?client_id=duet-web")).GET()
                // What a browser claims about forwarding is not passed on: the edge says what it saw.
                .header("X-Forwarded-Host", "elsewhere.example")
                .header("X-Forwarded-Proto", "https")
                .build(), HttpResponse.BodyHandlers.ofString());

        FakeService.Received received = identity.lastRequest();
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("localhost:" + port);
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
    }

    private URI edge(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }
}
