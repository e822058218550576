package app.duet.identity;

import app.duet.identity.issuer.ExpiredAuthorizations;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A restart of the issuer (a deploy, a crash) does not sign anyone out: the page's refresh token,
 * issued before, still renews its tokens after, once; one revoked before stays revoked; and a person
 * signed in at the issuer itself (its session) still is.
 */
class SignedInAcrossRestartsTest {

    private static final String DATABASE = "jdbc:h2:mem:restarted-issuer-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @Test
    void aRefreshTokenIssuedBeforeARestartRenewsTheTokensAfterIt() {
        String email = "ari-" + UUID.randomUUID() + "@duet.test";
        String signedOut = "noor-" + UUID.randomUUID() + "@duet.test";
        BrowserSignIn.Tokens before;
        BrowserSignIn.Tokens revoked;
        try (ConfigurableApplicationContext issuer = start()) {
            BrowserSignIn browser = browser(issuer);
            browser.signUp(email, "correct horse battery", "Ari", "PARTNER");
            browser.signUp(signedOut, "correct horse battery", "Noor", "PARTNER");
            before = browser.signIn(email, "correct horse battery");
            revoked = browser.signIn(signedOut, "correct horse battery");
            assertThat(browser.revoke(revoked.refreshToken())).isEqualTo(200);
        }

        try (ConfigurableApplicationContext issuer = start()) {
            BrowserSignIn browser = browser(issuer);
            BrowserSignIn.Tokens after = browser.refresh(before.refreshToken());

            assertThat(after.accessToken()).isNotBlank();
            assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
            assertThatThrownBy(() -> browser.refresh(before.refreshToken())).as("rotated: the old one is spent")
                    .hasMessageContaining("400");
            assertThatThrownBy(() -> browser.refresh(revoked.refreshToken())).as("signed out before the restart")
                    .hasMessageContaining("400");
        }
    }

    @Test
    void aPersonSignedInAtTheIssuerIsStillSignedInAfterARestart() throws Exception {
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        try (ConfigurableApplicationContext issuer = start()) {
            // Opening an account where no mail is sent signs the person in at the issuer.
            java.net.http.HttpResponse<String> opened = browser.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(base(issuer) + "/api/identity/accounts"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"mo-" + UUID.randomUUID()
                            + "@duet.test\",\"password\":\"correct horse battery\",\"displayName\":\"Mo\",\"role\":\"PARTNER\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(opened.statusCode()).isEqualTo(201);
        }

        try (ConfigurableApplicationContext issuer = start()) {
            String base = base(issuer);
            java.net.http.HttpResponse<String> authorized = browser.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(base + ServedAddressTest.authorize(base + "/"))).header("Accept", "text/html").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(authorized.headers().firstValue("Location")).as("back to the page with a code, not to the sign-in form")
                    .hasValueSatisfying(location -> assertThat(location).startsWith(base + "/?code="));
        }
    }

    @Test
    void anAuthorizationIsForgottenOnceNothingInItCanBeUsedAndNotBefore() {
        String email = "jo-" + UUID.randomUUID() + "@duet.test";
        try (ConfigurableApplicationContext issuer = start()) {
            BrowserSignIn browser = browser(issuer);
            browser.signUp(email, "correct horse battery", "Jo", "PARTNER");
            BrowserSignIn.Tokens tokens = browser.signIn(email, "correct horse battery");
            ExpiredAuthorizations purge = issuer.getBean(ExpiredAuthorizations.class);

            purge.purge(Instant.now());
            BrowserSignIn.Tokens renewed = browser.refresh(tokens.refreshToken());

            assertThat(purge.purge(Instant.now().plus(Duration.ofDays(2)))).isPositive();
            assertThatThrownBy(() -> browser.refresh(renewed.refreshToken())).hasMessageContaining("400");
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IdentityApplication.class).run(
                "--spring.config.name=" + IdentityApplication.CONFIG_NAME,
                "--server.port=0",
                "--spring.datasource.url=" + DATABASE,
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--spring.flyway.enabled=false");
    }

    private static BrowserSignIn browser(ConfigurableApplicationContext issuer) {
        return new BrowserSignIn(base(issuer));
    }

    private static String base(ConfigurableApplicationContext issuer) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) issuer).getWebServer().getPort();
    }
}
