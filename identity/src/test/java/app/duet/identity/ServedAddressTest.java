package app.duet.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer as standalone runs it, the page and the issuer one server: a sign-in goes back to the
 * page at whatever name reached this server, on its own port, and nowhere else. Forwarded headers
 * are believed from no one here (no trusted proxy is configured), so forging one sends no code away.
 */
@SpringBootTest(classes = IdentityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + IdentityApplication.CONFIG_NAME,
                "spring.datasource.url=jdbc:h2:mem:served-address;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "spring.datasource.username=sa",
                "spring.datasource.password=",
                "duet.identity.web-client.served-address=true",
                "server.forward-headers-strategy=native",
                "server.tomcat.remoteip.internal-proxies="
        })
class ServedAddressTest {

    /** RFC 7636's example: this verifier's S256 challenge is {@link #CHALLENGE}. */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @LocalServerPort
    int port;

    static String authorize(String redirectUri) {
        return "/oauth2/authorize?response_type=code&client_id=duet-web&scope=openid&state=s1&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
    }

    private RawRequests.Answer authorizeAt(String host, String redirectUri, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Accept", "text/html");
        return RawRequests.get(port, host, authorize(redirectUri), all);
    }

    @Test
    void theSignInGoesOnAtEveryNameThatReachedThisServer() {
        for (String name : new String[]{"localhost", "127.0.0.1", "duet.test"}) {
            String host = name + ":" + port;

            RawRequests.Answer answer = authorizeAt(host, "http://" + host + "/", Map.of());

            assertThat(answer.status()).as(name).isEqualTo(302);
            assertThat(answer.header("Location")).as(name).hasValueSatisfying(to -> assertThat(to).endsWith("/sign-in"));
        }
    }

    @Test
    void aForgedForwardedHostGetsNoRedirectToIt() {
        RawRequests.Answer answer = authorizeAt("localhost:" + port, "http://evil.test:" + port + "/",
                Map.of("X-Forwarded-Host", "evil.test:" + port, "X-Forwarded-For", "203.0.113.9"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).isEmpty();
        assertThat(answer.body()).contains("Duet cannot sign you in at this address").contains("href=\"/\"")
                .doesNotContain("evil.test").doesNotContain("Whitelabel");
    }

    @Test
    void aRedirectToAnyOtherHostPortOrPathIsRefusedOnDuetsOwnPage() {
        String here = "localhost:" + port;
        for (String elsewhere : new String[]{"http://evil.test:" + port + "/", "http://localhost:" + (port + 1) + "/",
                "http://" + here + "/elsewhere", "https://" + here + "/", "http://" + here + "/?next=evil"}) {
            RawRequests.Answer answer = authorizeAt(here, elsewhere, Map.of());

            assertThat(answer.status()).as(elsewhere).isEqualTo(400);
            assertThat(answer.header("Location")).as(elsewhere).isEmpty();
            assertThat(answer.body()).as(elsewhere).contains("Duet cannot sign you in at this address");
        }
    }

    @Test
    void aHostNamingAnotherPortThanTheServersIsNotThisServersPage() {
        RawRequests.Answer answer = authorizeAt("duet.test:1", "http://duet.test:1/", Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).isEmpty();
    }

    @Test
    void everyErrorABrowserCanMeetIsDuetsOwnPageWithAWayBack() {
        RawRequests.Answer unknownClient = RawRequests.get(port, "localhost:" + port,
                "/oauth2/authorize?response_type=code&client_id=nobody&scope=openid", Map.of("Accept", "text/html"));
        RawRequests.Answer noSuchPage = RawRequests.get(port, "localhost:" + port, "/identity/nothing-here.html",
                Map.of("Accept", "text/html"));

        assertThat(unknownClient.status()).isEqualTo(400);
        assertThat(unknownClient.body()).contains("This sign-in link does not work").contains("Back to Duet");
        assertThat(noSuchPage.status()).isEqualTo(404);
        assertThat(noSuchPage.body()).contains("There is no such page").contains("Back to Duet");
        for (RawRequests.Answer page : new RawRequests.Answer[]{unknownClient, noSuchPage}) {
            assertThat(page.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).doesNotContain("Whitelabel").doesNotContain("invalid_request").doesNotContain("client_id");
        }
    }

    @Test
    void aClientAskingForJsonStillGetsAProblemDocument() {
        RawRequests.Answer answer = RawRequests.get(port, "localhost:" + port, "/identity/nothing-here.html",
                Map.of("Accept", "application/json"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    }
}
