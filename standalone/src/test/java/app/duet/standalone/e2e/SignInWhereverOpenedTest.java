package app.duet.standalone.e2e;

import app.duet.identity.RawRequests;
import app.duet.standalone.StandaloneApplication;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone product opened at http://localhost:PORT, at http://127.0.0.1:PORT and at a third
 * name (duet.test, which only this browser resolves to this machine, like a name on a home network,
 * and over plain http, where browsers hold back their secure-page features): at each, two partners
 * and a therapist sign up through the page, pair, invite the therapist by the short code, and reach
 * the couple's page; no page on the way is an error. A forged forwarded host gets no redirect.
 */
class SignInWhereverOpenedTest {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext product;
    private static int port;

    @BeforeAll
    static void start() {
        product = StandaloneApplication.start("--server.port=0", "--duet.data-dir=" + dataDir,
                "--duet.safety.quick-exit-url=about:blank");
        port = ((WebServerApplicationContext) product).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void atLocalhost() {
        aCoupleAndTheirTherapistStartAt("localhost");
    }

    @Test
    void atTheLoopbackAddress() {
        aCoupleAndTheirTherapistStartAt("127.0.0.1");
    }

    @Test
    void atANameOfItsOwnOverPlainHttp() {
        aCoupleAndTheirTherapistStartAt("duet.test");
    }

    @Test
    void aForgedForwardedHostGetsNoRedirectToIt() {
        RawRequests.Answer answer = RawRequests.get(port, "localhost:" + port,
                "/oauth2/authorize?response_type=code&client_id=duet-web&scope=openid%20profile&state=s"
                        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                        + "&redirect_uri=http%3A%2F%2Fevil.test%3A" + port + "%2F",
                Map.of("Accept", "text/html", "X-Forwarded-Host", "evil.test:" + port));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).isEmpty();
        assertThat(answer.body()).contains("Duet cannot sign you in at this address").contains("Back to Duet")
                .doesNotContain("Whitelabel");
    }

    @Test
    void aPageThatDoesNotExistIsDuetsOwnPage() {
        RawRequests.Answer answer = RawRequests.get(port, "localhost:" + port, "/no/such/page", Map.of("Accept", "text/html"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("There is no such page").contains("Back to Duet").doesNotContain("Whitelabel");
    }

    private void aCoupleAndTheirTherapistStartAt(String name) {
        String base = "http://" + name + ":" + port;
        List<String> errorPages = new CopyOnWriteArrayList<>();
        try (Browsers browsers = Browsers.launch(base, List.of("--host-resolver-rules=MAP duet.test 127.0.0.1"))) {
            BrowserContext therapistsBrowser = browsers.person(false);
            BrowserContext johnsBrowser = browsers.person(false);
            BrowserContext marysPhone = browsers.person(true);
            for (BrowserContext context : List.of(therapistsBrowser, johnsBrowser, marysPhone)) {
                context.onResponse(response -> {
                    if (response.request().isNavigationRequest() && response.status() >= 400) {
                        errorPages.add(response.status() + " " + response.url());
                    }
                });
            }
            try {
                Page therapist = browsers.signUp(therapistsBrowser, "Dr. Okafor", email("okafor"), "THERAPIST");
                assertThat(therapist.locator("#therapist-code")).hasText(Pattern.compile("^[A-Z2-9]{4}-[A-Z2-9]{4}$"));
                String therapistCode = therapist.locator("#therapist-code").textContent().trim();
                Page john = browsers.signUp(johnsBrowser, "John", email("john"), "PARTNER");
                Page mary = browsers.signUp(marysPhone, "Mary", email("mary"), "PARTNER");
                assertThat(john.url()).startsWith(base + "/");

                // Their names were asked once, at sign-up: creating and joining the couple asks none.
                assertThat(john.locator("#create-name")).hasCount(0);
                assertThat(john.locator("main")).containsText("Your partner will see you as John");
                john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create our couple")).click();
                String code = john.locator(".invite .code").textContent().trim();
                mary.locator("#join-code").fill(code);
                mary.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
                assertThat(john.locator(".people")).containsText("Mary");
                assertThat(mary.locator(".people")).containsText("John");

                // A wrong code is refused in words; the right one, typed as people type, invites the
                // therapist under the name they gave Duet. Mary is asked for her consent on her Today.
                Browsers.openSection(john, "Therapist & privacy");
                john.locator("#therapist-code").fill("ABCD-EFGH");
                john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite")).click();
                assertThat(john.locator("form:has(#therapist-code) .problem")).hasText(
                        "No therapist has this code. Please check it against the one your therapist gave you.");
                john.locator("#therapist-code").fill(therapistCode.toLowerCase().replace("-", ""));
                john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite")).click();
                mary.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Consent to Dr. Okafor")).click();
                assertThat(john.locator("body")).containsText("Both of you consented");
                assertThat(therapist.locator("a[href^='#/couples/']")).hasCount(1);
                Browsers.screenshot(john, "partner", "couple-at-" + name);
            } catch (RuntimeException | AssertionError failed) {
                Browsers.screenshotAll("failure-at-" + name, therapistsBrowser, johnsBrowser, marysPhone);
                throw failed;
            }
        }
        assertThat(errorPages).as("pages that answered with an error").isEmpty();
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@duet.test";
    }
}
