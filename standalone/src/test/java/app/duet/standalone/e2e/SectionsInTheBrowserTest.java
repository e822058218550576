package app.duet.standalone.e2e;

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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's home in sections, in real chromium, at the three addresses the product answers at
 * (localhost, 127.0.0.1 and duet.test, a name only this browser resolves): two partners and their
 * therapist sign up through the page, pair and consent, and each lands on their home. At duet.test
 * every section of every role is screenshotted at desktop and phone size and checked with axe; the
 * back button and a reload land on the section one was at; a section opens at its top; on a phone a
 * session shows the step one is at and folds the others. No page shows a partner's unshared draft
 * to their therapist, and a stranger to the couple opens none of its sections.
 */
class SectionsInTheBrowserTest {

    @TempDir
    static Path dataDir;

    private static final String ANALYST_EMAIL = "analyst-" + UUID.randomUUID() + "@duet.test";
    private static final String ANALYST_PASSWORD = "an analyst's long password";
    private static final List<String> HOSTS = List.of("--host-resolver-rules=MAP duet.test 127.0.0.1");
    private static ConfigurableApplicationContext product;
    private static int port;

    @BeforeAll
    static void start() {
        product = StandaloneApplication.start("--server.port=0", "--duet.data-dir=" + dataDir,
                "--duet.safety.quick-exit-url=about:blank",
                "--duet.identity.accounts[0].email=" + ANALYST_EMAIL,
                "--duet.identity.accounts[0].password=" + ANALYST_PASSWORD,
                "--duet.identity.accounts[0].display-name=Research desk",
                "--duet.identity.accounts[0].role=ANALYST");
        port = ((WebServerApplicationContext) product).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void atLocalhostEachLandsOnTheirHome() {
        try (Browsers browsers = Browsers.launch("http://localhost:" + port, HOSTS)) {
            new Couple(browsers).close();
        }
    }

    @Test
    void atTheLoopbackAddressEachLandsOnTheirHome() {
        try (Browsers browsers = Browsers.launch("http://127.0.0.1:" + port, HOSTS)) {
            new Couple(browsers).close();
        }
    }

    @Test
    void atANameOfItsOwnEverySectionOfEveryRoleIsThereToFindAndKeepsItsPlace() {
        try (Browsers browsers = Browsers.launch("http://duet.test:" + port, HOSTS)) {
            Couple couple = new Couple(browsers);
            try {
                tour(browsers, couple);
            } catch (RuntimeException | AssertionError failed) {
                Browsers.screenshotAll("failure-sections", couple.contexts());
                throw failed;
            }
            couple.close();
        }
    }

    private void tour(Browsers browsers, Couple couple) {
        Page john = couple.john;
        Page mary = couple.mary;
        Page therapist = couple.therapist;
        String unshared = "Only mine: the evening I hid in the car " + UUID.randomUUID();

        // John starts a session from Sessions; Mary, on her phone, joins it from her Today.
        Browsers.openSection(john, "Sessions");
        john.locator("#exercise").selectOption("RESENTMENT_TO_CLOSENESS");
        john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start session")).click();
        assertThat(john.locator("h2#exercise-title")).hasText("From resentment to closeness");
        String sessionAddress = john.url().replaceAll(".*#", "#");
        mary.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join From resentment to closeness")).click();

        // On the phone: the step she is at, whole; the steps after it folded, and those before once she moves on.
        assertThat(mary.locator(".steps.folded .step-now .step-title")).hasText("What happened");
        assertThat(mary.locator(".steps-earlier")).isHidden();
        assertThat(mary.locator(".steps-later")).not().hasAttribute("open", "");
        assertThat(mary.locator(".steps-later .step-button").first()).isHidden();
        Browsers.writeLink(mary, "What happened", unshared, null);
        Browsers.goToStep(mary, "Your first reaction");
        assertThat(mary.locator(".step-now .step-title")).hasText("Your first reaction");
        assertThat(mary.locator(".step-now .step-button")).hasCount(1);
        assertThat(mary.locator(".steps-earlier")).isVisible();
        assertThat(mary.locator(".steps-earlier")).not().hasAttribute("open", "");
        assertThat(mary.locator(".steps-earlier .step-button")).isHidden();
        Browsers.screenshot(mary, "sections-partner-phone", "session-steps-folded");
        mary.locator(".steps-earlier > summary").click();
        assertThat(mary.locator(".steps-earlier .step-button")).isVisible();
        Browsers.screenshot(mary, "sections-partner-phone", "session-steps-unfolded");
        // On a wide screen the same steps stand side by side, none folded.
        assertThat(john.locator(".steps details")).hasCount(0);
        assertThat(john.locator(".steps .step-button")).hasCount(mary.locator(".steps .step-button").count());

        // The therapist opens the couple's case, then watches the session.
        therapist.locator("a[href^='#/couples/']").first().click();
        assertThat(therapist.locator("a[href^='#/observing/']")).hasCount(1);
        String caseAddress = therapist.url().replaceAll(".*#", "#");
        therapist.locator("a[href^='#/observing/']").first().click();
        assertThat(therapist.locator(".console-now h3")).isVisible();

        // Every section of every role, at desktop and at phone size.
        SectionTour forTherapist = new SectionTour(List.of(unshared));
        SectionTour forPartners = new SectionTour(List.of());
        for (int width : List.of(SectionTour.DESKTOP, SectionTour.PHONE)) {
            SectionTour.width(john, width);
            for (String[] section : List.of(new String[] {"Today", "today"}, new String[] {"Sessions", "sessions"},
                    new String[] {"Our cycle", "cycle"}, new String[] {"Everyday life", "lists"}, new String[] {"Therapist & privacy", "privacy"})) {
                forPartners.section(john, "partner", section[0], section[1]);
            }
            john.navigate("/" + sessionAddress);
            assertThat(john.locator("h2#exercise-title")).isVisible();
            forPartners.look(john, "partner", "session");
            assertThat(john.locator("body")).not().containsText(unshared);

            SectionTour.width(therapist, width);
            forTherapist.section(therapist, "therapist", "Your couples", "caseload");
            therapist.navigate("/" + caseAddress);
            forTherapist.look(therapist, "therapist", "case");
            therapist.navigate("/" + sessionAddress);
            assertThat(therapist).hasURL(java.util.regex.Pattern.compile("#/observing/"));
            assertThat(therapist.locator(".console-now h3")).isVisible();
            forTherapist.look(therapist, "therapist", "observing");
        }
        forPartners.look(mary, "partner-phone", "session");
        SectionTour.width(john, SectionTour.DESKTOP);

        Page analyst = browsers.signIn(couple.add(browsers.person(false)), ANALYST_EMAIL, ANALYST_PASSWORD);
        for (int width : List.of(SectionTour.DESKTOP, SectionTour.PHONE)) {
            SectionTour.width(analyst, width);
            forPartners.section(analyst, "analyst", "Research", "research");
        }
        assertThat(analyst).hasURL(java.util.regex.Pattern.compile("#/research$"));

        keepsItsPlace(john);
        OwnCopiesAndNotifications.check(john, mary, unshared);
        strangersOpenNothing(browsers, couple, sessionAddress, caseAddress, unshared);
        forPartners.assertNoProblems();
        forTherapist.assertNoProblems();
    }

    /** Back and reload land on the section one was at; each section opens at its top, its heading focused. */
    private void keepsItsPlace(Page john) {
        Browsers.openSection(john, "Today");
        Browsers.openSection(john, "Our cycle");
        Browsers.openSection(john, "Everyday life");
        john.evaluate("() => window.scrollTo(0, document.body.scrollHeight)");
        assertThat(((Number) john.evaluate("() => window.scrollY")).intValue()).as("Everyday life scrolls").isPositive();
        // Clicked where it is: Playwright's click would first scroll the page up to the nav itself.
        john.locator("#sections a[href='#/privacy']").dispatchEvent("click");
        assertThat(john.locator("main h1")).hasText("Therapist and privacy");
        assertThat(((Number) john.evaluate("() => window.scrollY")).intValue()).as("a section opens at its top").isZero();
        assertThat(john.locator("main h1")).isFocused();

        john.goBack();
        assertThat(john).hasURL(java.util.regex.Pattern.compile("#/lists$"));
        assertThat(john.locator("main h1")).hasText("Everyday life");
        john.goBack();
        assertThat(john.locator("main h1")).hasText("Our cycle");
        john.reload();
        assertThat(john.locator("main h1")).hasText("Our cycle");
        assertThat(john.locator("#sections a[aria-current='page']")).hasText("Our cycle");
        john.goForward();
        assertThat(john.locator("main h1")).hasText("Everyday life");

        // Addresses Duet does not know, and #/ itself, lead home without an error.
        john.navigate("/#/no-such-section");
        assertThat(john).hasURL(java.util.regex.Pattern.compile("#/today$"));
        assertThat(john.locator("main h1")).hasText("Today");
        john.navigate("/#/");
        assertThat(john).hasURL(java.util.regex.Pattern.compile("#/today$"));
    }

    /** A partner of no couple and a therapist they never invited open the couple's addresses: nothing of theirs shows. */
    private void strangersOpenNothing(Browsers browsers, Couple couple, String sessionAddress, String caseAddress, String unshared) {
        Page outsider = browsers.signUp(couple.add(browsers.person(false)), "Olive", Couple.email("olive"), "PARTNER");
        Page otherTherapist = browsers.signUp(couple.add(browsers.person(false)), "Dr. Stranger", Couple.email("stranger"), "THERAPIST");
        for (String address : List.of("#/cycle", "#/privacy", "#/lists")) {
            outsider.navigate("/" + address);
            assertThat(outsider).hasURL(java.util.regex.Pattern.compile("#/today$"));
            assertThat(outsider.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create our couple"))).isVisible();
        }
        outsider.navigate("/" + sessionAddress);
        assertThat(outsider.locator("main h1")).hasText("This session cannot be shown");
        otherTherapist.navigate("/" + caseAddress);
        assertThat(otherTherapist.locator("main h1")).hasText("No longer shared with you");
        otherTherapist.navigate("/" + sessionAddress);
        assertThat(otherTherapist.locator("main h1")).hasText("No longer shared with you");
        for (Page stranger : List.of(outsider, otherTherapist)) {
            for (String words : List.of("John", "Mary", unshared)) {
                assertThat(stranger.content()).as("a stranger's page").doesNotContain(words);
            }
        }
    }

    /** John and Mary (on her phone) with their therapist, each signed up through the page, paired and consented. */
    private static final class Couple implements AutoCloseable {

        final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();
        final List<String> errorPages = new CopyOnWriteArrayList<>();
        final Page therapist;
        final Page john;
        final Page mary;

        Couple(Browsers browsers) {
            therapist = browsers.signUp(add(browsers.person(false)), "Dr. Okafor", email("okafor"), "THERAPIST");
            assertThat(therapist.locator("#therapist-code")).hasText(java.util.regex.Pattern.compile("^[A-Z2-9]{4}-[A-Z2-9]{4}$"));
            String therapistCode = therapist.locator("#therapist-code").textContent().trim();
            john = browsers.signUp(add(browsers.person(false)), "John", email("john"), "PARTNER");
            mary = browsers.signUp(add(browsers.person(true)), "Mary", email("mary"), "PARTNER");
            try {
                john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create our couple")).click();
                mary.locator("#join-code").fill(john.locator(".invite .code").textContent().trim());
                mary.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
                for (Page partner : List.of(john, mary)) {
                    assertThat(partner).hasURL(java.util.regex.Pattern.compile("#/today$"));
                    assertThat(partner.locator("main h1")).hasText("Today");
                    assertThat(partner.locator("main .people")).containsText(partner == john ? "Mary" : "John");
                    assertThat(partner.locator("#sections a[aria-current='page']")).hasText("Today");
                }
                // John invites their therapist; Mary finds the request on her Today, as a banner, and consents there.
                Browsers.openSection(john, "Therapist & privacy");
                john.locator("#therapist-code").fill(therapistCode);
                john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite")).click();
                assertThat(mary.locator(".consent-banner")).containsText("John asks for your consent");
                Browsers.screenshot(mary, "sections-partner-phone", "today-consent-banner");
                mary.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Consent to Dr. Okafor")).click();
                assertThat(mary.locator(".consent-banner")).hasCount(0);
                assertThat(john.locator("main")).containsText("Both of you consented");
                assertThat(therapist.locator("main h1")).hasText("Welcome, Dr. Okafor");
                assertThat(therapist).hasURL(java.util.regex.Pattern.compile("#/caseload$"));
                assertThat(therapist.locator("a[href^='#/couples/']")).hasCount(1);
            } catch (RuntimeException | AssertionError failed) {
                Browsers.screenshotAll("failure-sections-couple", contexts());
                throw failed;
            }
        }

        BrowserContext add(BrowserContext context) {
            contexts.add(context);
            context.onResponse(response -> {
                if (response.request().isNavigationRequest() && response.status() >= 400) {
                    errorPages.add(response.status() + " " + response.url());
                }
            });
            return context;
        }

        BrowserContext[] contexts() {
            return contexts.toArray(BrowserContext[]::new);
        }

        static String email(String who) {
            return who + "-" + UUID.randomUUID() + "@duet.test";
        }

        /** No page on the way answered with an error. */
        @Override
        public void close() {
            contexts.forEach(BrowserContext::close);
            assertThat(errorPages).as("pages that answered with an error").isEmpty();
        }
    }
}
