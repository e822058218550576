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
 * issued before, still renews its tokens after, once; and one revoked before stays revoked.
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
        int port = ((WebServerApplicationContext) issuer).getWebServer().getPort();
        return new BrowserSignIn("http://127.0.0.1:" + port);
    }
}
