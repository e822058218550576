package app.duet.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Standalone behind a reverse proxy that the operator named as trusted (DUET_TRUSTED_PROXIES): the
 * address the proxy says the page was opened at is the one the sign-in goes back to.
 */
@SpringBootTest(classes = IdentityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + IdentityApplication.CONFIG_NAME,
                "spring.datasource.url=jdbc:h2:mem:trusted-proxy;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "spring.datasource.username=sa",
                "spring.datasource.password=",
                "duet.identity.web-client.served-address=true",
                "server.forward-headers-strategy=native",
                "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"
        })
class TrustedProxyTest {

    @LocalServerPort
    int port;

    @Test
    void theAddressATrustedProxyForwardsIsThePagesAddress() {
        RawRequests.Answer answer = RawRequests.get(port, "127.0.0.1:" + port,
                ServedAddressTest.authorize("https://duet.example/"),
                Map.of("Accept", "text/html", "X-Forwarded-Host", "duet.example", "X-Forwarded-Proto", "https",
                        "X-Forwarded-Port", "443", "X-Forwarded-For", "198.51.100.7"));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).hasValue("https://duet.example/sign-in");
    }

    @Test
    void evenFromATrustedProxyTheRedirectMustBeTheAddressItForwarded() {
        RawRequests.Answer answer = RawRequests.get(port, "127.0.0.1:" + port,
                ServedAddressTest.authorize("https://evil.test/"),
                Map.of("Accept", "text/html", "X-Forwarded-Host", "duet.example", "X-Forwarded-Proto", "https",
                        "X-Forwarded-Port", "443"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).isEmpty();
    }
}
