package app.duet.standalone.deployment;

import app.duet.identity.BrowserSignIn;
import app.duet.identity.IdentityApplication;
import app.duet.testing.NginxProxy;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real issuer behind compose's proxy (ops/nginx/routes.conf, run from Debian's nginx), set up as
 * compose sets it: no fixed public URL here, so everything it writes for the browser (its issuer name,
 * its endpoints, its redirects) comes from the address the browser used, which only the proxy knows.
 */
class IssuerBehindTheProxyTest {

    static ConfigurableApplicationContext identity;
    static NginxProxy proxy;

    @BeforeAll
    static void start() {
        identity = new SpringApplicationBuilder(IdentityApplication.class).run(
                "--spring.config.name=" + IdentityApplication.CONFIG_NAME,
                "--server.port=0",
                // As docker-compose.yml runs it behind the proxy.
                "--server.forward-headers-strategy=native",
                "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
                "--spring.datasource.url=jdbc:h2:mem:issuer-behind-proxy-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=");
        int port = ((WebServerApplicationContext) identity).getWebServer().getPort();
        proxy = NginxProxy.start(NginxProxy.Upstreams.none().withIdentity("127.0.0.1:" + port));
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (identity != null) {
            identity.close();
        }
    }

    @Test
    void theIssuerNamesItselfAndItsEndpointsAtTheProxysAddress() throws Exception {
        HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(proxy.baseUrl() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());

        var configuration = new ObjectMapper().readTree(discovery.body());
        assertThat(configuration.get("issuer").asString()).isEqualTo(proxy.baseUrl());
        assertThat(configuration.get("authorization_endpoint").asString()).isEqualTo(proxy.baseUrl() + "/oauth2/authorize");
        assertThat(configuration.get("token_endpoint").asString()).isEqualTo(proxy.baseUrl() + "/oauth2/token");
    }

    @Test
    void anAuthorizationRequestIsSentToTheSignInPageThroughTheProxy() throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl()
                        + "/oauth2/authorize?response_type=code&client_id=duet-web&scope=openid&redirect_uri="
                        + proxy.baseUrl() + "/&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                        + "&code_challenge_method=S256"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValue(proxy.baseUrl() + "/sign-in");
    }

    @Test
    void aPartnerSignsInThroughTheProxyAndTheirTokenNamesTheProxyAsIssuer() throws Exception {
        BrowserSignIn browser = new BrowserSignIn(proxy.baseUrl());
        String email = "sam-" + UUID.randomUUID() + "@duet.test";
        browser.signUp(email, "correct horse battery", "Sam", "PARTNER");

        BrowserSignIn.Tokens tokens = browser.signIn(email, "correct horse battery");

        assertThat(SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getIssuer()).isEqualTo(proxy.baseUrl());
        assertThat(tokens.refreshToken()).isNotBlank();
    }
}
