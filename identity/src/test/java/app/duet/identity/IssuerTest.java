package app.duet.identity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The issuer over real HTTP, on its own, as a browser and the services meet it. */
@SpringBootTest(classes = IdentityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + IdentityApplication.CONFIG_NAME,
                "spring.datasource.url=jdbc:h2:mem:issuer;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "spring.datasource.username=sa",
                "spring.datasource.password=",
                "spring.flyway.enabled=false",
                "duet.identity.accounts[0].email=analyst@duet.test",
                "duet.identity.accounts[0].password=an analyst's long password",
                "duet.identity.accounts[0].display-name=Research",
                "duet.identity.accounts[0].role=ANALYST"
        })
class IssuerTest {

    @LocalServerPort
    int port;

    private BrowserSignIn browser() {
        return new BrowserSignIn("http://127.0.0.1:" + port);
    }

    @Test
    void aNewPartnerSignsInAndGetsShortLivedTokensNamingTheirAccountAndRole() throws Exception {
        String email = "robin-" + UUID.randomUUID() + "@duet.test";
        JsonNode account = browser().signUp(email, "correct horse battery", "Robin", "PARTNER");

        BrowserSignIn.Tokens tokens = browser().signIn(email, "correct horse battery");

        var claims = SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(account.get("accountId").asString());
        assertThat(claims.getStringListClaim("roles")).containsExactly("PARTNER");
        assertThat(claims.getStringClaim("name")).isEqualTo("Robin");
        assertThat(claims.toString()).doesNotContain(email);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isLessThanOrEqualTo(600_000);
        assertThat(tokens.refreshToken()).isNotBlank();
    }

    @Test
    void whereNoMailIsSentSignUpSignsThePersonInSoTheSignInAsksForNothing() throws Exception {
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> created = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/identity/accounts"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"ada-" + UUID.randomUUID()
                        + "@duet.test\",\"password\":\"correct horse battery\",\"displayName\":\"Ada\",\"role\":\"PARTNER\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(new ObjectMapper().readTree(created.body()).get("signedIn").asBoolean()).isTrue();

        HttpResponse<String> authorized = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                        + ServedAddressTest.authorize(base + "/"))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(authorized.statusCode()).isEqualTo(302);
        String back = authorized.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith(base + "/?code=").contains("state=s1");
        assertThat(BrowserSignIn.exchange(base, back, base + "/", ServedAddressTest.VERIFIER).accessToken()).isNotBlank();
    }

    @Test
    void whereAddressesComeFromConfigurationAnyOtherIsRefusedOnDuetsOwnPage() {
        // This issuer runs with the distributed stack's configuration: localhost:8080 and 127.0.0.1 (any port).
        RawRequests.Answer answer = RawRequests.get(port, "localhost:" + port,
                ServedAddressTest.authorize("http://localhost:" + port + "/"), java.util.Map.of("Accept", "text/html"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).isEmpty();
        assertThat(answer.body()).contains("Duet cannot sign you in at this address").doesNotContain("Whitelabel");
    }

    @Test
    void aRefreshTokenIsRotatedAndUsingATradedOneAgainEndsTheWholeSignIn() {
        String email = "kai-" + UUID.randomUUID() + "@duet.test";
        browser().signUp(email, "correct horse battery", "Kai", "PARTNER");
        BrowserSignIn.Tokens first = browser().signIn(email, "correct horse battery");
        BrowserSignIn.Tokens elsewhere = browser().signIn(email, "correct horse battery");

        BrowserSignIn.Tokens second = browser().refresh(first.refreshToken());

        assertThat(second.accessToken()).isNotBlank();
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        // A copy of the traded token comes back (stolen, say): it is refused, and its successor with it.
        assertThatThrownBy(() -> browser().refresh(first.refreshToken())).hasMessageContaining("400");
        assertThatThrownBy(() -> browser().refresh(second.refreshToken())).hasMessageContaining("400");
        // The person's sign-in on another device is another authorization, and goes on.
        assertThat(browser().refresh(elsewhere.refreshToken()).accessToken()).isNotBlank();
    }

    @Test
    void signingOutRevokesTheRefreshToken() {
        String email = "lee-" + UUID.randomUUID() + "@duet.test";
        browser().signUp(email, "correct horse battery", "Lee", "PARTNER");
        BrowserSignIn.Tokens tokens = browser().signIn(email, "correct horse battery");

        assertThat(browser().revoke(tokens.refreshToken())).isEqualTo(200);

        assertThatThrownBy(() -> browser().refresh(tokens.refreshToken())).hasMessageContaining("400");
    }

    @Test
    void configuredAccountsExistAndSignUpCannotMakeAnAnalyst() throws Exception {
        BrowserSignIn.Tokens analyst = browser().signIn("analyst@duet.test", "an analyst's long password");
        assertThat(SignedJWT.parse(analyst.accessToken()).getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactly("ANALYST");
        assertThatThrownBy(() -> browser().signUp("sneaky@duet.test", "correct horse battery", "Sneaky", "ANALYST"))
                .hasMessageContaining("400");
    }

    @Test
    void repeatedWrongPasswordsFromOneSourceMakeItWaitEvenWithTheRightOne() throws Exception {
        String email = "sam-" + UUID.randomUUID() + "@duet.test";
        browser().signUp(email, "correct horse battery", "Sam", "PARTNER");

        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> wrong = browser().postSignInForm(email, "guess " + attempt, "application/json");
            assertThat(wrong.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = browser().postSignInForm(email, "correct horse battery", "application/json");

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(new ObjectMapper().readTree(locked.body()).get("reason").asString()).isEqualTo("locked");
        assertThat(browser().postSignInForm(email, "guess", "text/html").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in?error=locked"));
    }

    @Test
    void aShortPasswordIsRejectedNamingTheField() {
        assertThatThrownBy(() -> browser().signUp("short@duet.test", "short", "Short", "PARTNER"))
                .hasMessageContaining("400").hasMessageContaining("password");
    }

    @Test
    void passwordsPastTheHashOrFirstGuessedAreRefusedNamingTheFieldAndSigningInWithOneIsJustWrong() throws Exception {
        for (String refused : new String[] {"kettle orbit violin ".repeat(5), "aaaaaaaaaa", "1234567890", "password12"}) {
            assertThatThrownBy(() -> browser().signUp("weak-" + UUID.randomUUID() + "@duet.test", refused, "Wes", "PARTNER"))
                    .hasMessageContaining("400").hasMessageContaining("\"field\":\"password\"").hasMessageNotContaining("bytes");
        }
        String email = "long-" + UUID.randomUUID() + "@duet.test";
        browser().signUp(email, "kettle orbit violin ".repeat(4).substring(0, 72), "Lin", "PARTNER");

        // bcrypt refuses to hash past 72 bytes: a sign-in with such a password is a wrong password, not a failure.
        HttpResponse<String> tooLong = browser().postSignInForm(email, "kettle orbit violin ".repeat(5), "application/json");
        assertThat(tooLong.statusCode()).isEqualTo(401);
    }

    @Test
    void theIssuersPagesAreNeverFramedRunOnlyTheirOwnScriptsAndSetOnlySameSiteCookies() throws Exception {
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        for (String path : new String[] {"/sign-in", "/identity/sign-in.js", "/api/identity/csrf"}) {
            HttpResponse<String> answer = browser.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'")
                            .doesNotContain("unsafe"));
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(answer.headers().allValues("Set-Cookie")).as(path).allSatisfy(cookie -> assertThat(cookie).contains("SameSite=Lax"));
        }
        HttpResponse<String> signedUp = browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/identity/accounts"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"cookie-" + UUID.randomUUID()
                        + "@duet.test\",\"password\":\"correct horse battery\",\"displayName\":\"Cy\",\"role\":\"PARTNER\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedUp.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly"));
    }
}
