package app.duet.standalone.e2e;

import app.duet.standalone.StandaloneApplication;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duet in real headless chromium against the standalone product: John and Mary, each in their own
 * browser (Mary on a phone-sized screen), run resentment to closeness to its end while their
 * therapist observes; every step checks what each screen shows and what it must not. A second run
 * drops a partner's connection mid-exercise and checks the catch-up. Screenshots of each role's
 * main screens go to target/e2e, and axe-core checks each of them.
 */
class JohnAndMaryInTheBrowserTest {

    @TempDir
    static Path dataDir;

    private static final String ANALYST_EMAIL = "analyst-" + UUID.randomUUID() + "@duet.test";
    private static ConfigurableApplicationContext product;
    private static Browsers browsers;
    private static final List<String> accessibility = new ArrayList<>();

    @BeforeAll
    static void start() {
        product = StandaloneApplication.start("--server.port=0", "--duet.data-dir=" + dataDir,
                // The machines the tests run on reach no other site: the quick exit goes to an empty page.
                "--duet.safety.quick-exit-url=about:blank",
                "--duet.identity.accounts[0].email=" + ANALYST_EMAIL,
                "--duet.identity.accounts[0].password=an analyst's long password",
                "--duet.identity.accounts[0].display-name=Research desk",
                "--duet.identity.accounts[0].role=ANALYST");
        int port = ((WebServerApplicationContext) product).getWebServer().getPort();
        // 127.0.0.1: the page's redirect URI is registered there, valid on any port (RFC 8252).
        browsers = Browsers.launch("http://127.0.0.1:" + port);
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        app.duet.testing.StoredEventsFixture.writeIfAsked(product, "JohnAndMaryInTheBrowserTest");
        product.close();
        System.out.println("axe-core: " + (accessibility.isEmpty() ? "no serious or critical problems" : accessibility));
    }

    @Test
    void johnAndMaryGoFromResentmentToClosenessWhileTheirTherapistObserves() {
        BrowserContext johnsBrowser = browsers.person(false);
        BrowserContext marysPhone = browsers.person(true);
        BrowserContext therapistsBrowser = browsers.person(false);
        try {
            runTheExercise(johnsBrowser, marysPhone, therapistsBrowser);
        } catch (RuntimeException | AssertionError failed) {
            Browsers.screenshotAll("failure", johnsBrowser, marysPhone, therapistsBrowser);
            throw failed;
        }
    }

    private void runTheExercise(BrowserContext johnsBrowser, BrowserContext marysPhone, BrowserContext therapistsBrowser) {
        Page therapist = browsers.signUp(therapistsBrowser, "Dr. Okafor", email("okafor"), "THERAPIST");
        assertThat(therapist.locator("#therapist-code")).hasText(java.util.regex.Pattern.compile("^[A-Z2-9]{4}-[A-Z2-9]{4}$"));
        String therapistCode = therapist.locator("#therapist-code").textContent().trim();
        Page john = browsers.signUp(johnsBrowser, "John", email("john"), "PARTNER");
        Page mary = browsers.signUp(marysPhone, "Mary", email("mary"), "PARTNER");

        // John opens the couple, Mary joins with the code, both consent to the therapist.
        john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create our couple")).click();
        String code = john.locator(".invite .code").textContent().trim();
        mary.locator("#join-code").fill(code);
        mary.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
        assertThat(john.locator(".people")).containsText("Mary");
        // A new couple's cycle says there is not enough to go on yet, and what would change that.
        Browsers.openSection(john, "Our cycle");
        assertThat(john.locator(".cycle-card .phase-block")).containsText("Not enough yet");
        assertThat(john.locator(".cycle-card .needed")).containsText("more sessions together");
        assertThat(john.locator(".cycle-card .needed")).containsText("more bids answered");
        assertThat(john.locator(".cycle-card")).not().containsText("%");
        check("partner", "couple", john);
        Browsers.openSection(john, "Therapist & privacy");
        john.locator("#therapist-code").fill(therapistCode);
        john.locator("#therapist-name").fill("Dr. Okafor");
        john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite")).click();
        mary.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Consent to Dr. Okafor")).click();
        assertThat(john.locator("body")).containsText("Both of you consented");

        // John starts the exercise; Mary joins it from her Today; the therapist opens it to observe.
        Browsers.openSection(john, "Sessions");
        john.locator("#exercise").selectOption("RESENTMENT_TO_CLOSENESS");
        john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start session")).click();
        assertThat(john.locator("h2#exercise-title")).hasText("From resentment to closeness");
        mary.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join From resentment to closeness")).click();
        assertThat(mary.locator(".presence")).containsText("here");
        // The therapist's caseload followed the consent live: no reload, no "check for new couples".
        assertThat(therapist.locator("a[href^='#/couples/']")).hasCount(1);
        therapist.locator("a[href^='#/couples/']").first().click();
        therapist.locator("a[href^='#/observing/']").first().click();
        assertThat(john.locator(".observers")).containsText("Dr. Okafor");
        assertThat(mary.locator(".observers")).containsText("observing");

        // Steps 1 to 3: each writes privately; neither the other nor the therapist ever sees it.
        String[][] own = {
                {"What happened", "She eased away when I started on her shoulders", "He went cold because I did not want the back rub"},
                {"Your first reaction", "Stung, then prickly", "Furious at being frozen out"},
                {"What you did", "Kept to myself the whole evening", "Pushed him off when he reached for me later"}};
        for (String[] step : own) {
            Browsers.writeLink(john, step[0], step[1], step[0].equals("What you did") ? "WITHDRAW" : null);
            Browsers.writeLink(mary, step[0], step[2], step[0].equals("What you did") ? "CRITICISE" : null);
            assertThat(john.locator(".step-panel .drafts")).containsText(step[1]);
            assertThat(mary.locator(".step-panel .drafts")).containsText(step[2]);
        }
        assertThat(john.locator(".steps")).containsText("Mary here");
        for (String[] step : own) {
            assertNeverShown(mary, step[1]);
            assertNeverShown(therapist, step[1]);
            assertNeverShown(john, step[2]);
            assertNeverShown(therapist, step[2]);
        }
        check("partner", "session-own-step", john);
        check("partner-phone", "session-own-step", mary);

        // Steps 4 and 5: revealed together. Mary is ready first; John sees that, not what she wrote.
        revealedStep(john, mary, therapist, "Underneath", "Rejected, and ashamed it mattered so much",
                "Sad, and afraid I am not enough for him", true);
        check("partner", "session-revealed", john);
        check("therapist", "session-observing", therapist);
        // The observing therapist is spoken to as a therapist, on a console of their own: it follows the partners'
        // step, tells them what they will see of it, shows "their" loop, and keeps their private notes beside it.
        assertThat(therapist.locator(".console-now h3")).hasText("Underneath");
        assertThat(therapist.locator(".console-now")).containsText("The partners are asked");
        assertThat(therapist.locator(".loop-card h2")).hasText("Their loop");
        TherapistConsole.showsWhatEachLetsOut(john, mary, therapist, "Rejected, and ashamed it mattered", "afraid I am not enough for him");
        String note = "Mary names fear under the anger; John shame under the retreat";
        therapist.locator("#note-text").fill(note);
        therapist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save note")).click();
        assertThat(therapist.locator(".notes-card .notes")).containsText(note);
        assertNeverShown(john, note);
        assertNeverShown(mary, note);
        revealedStep(john, mary, therapist, "What you needed", "To hear you still want me near",
                "To be told when you are hurt instead of shut out", false);
        assertThat(john.locator(".loop-card")).containsText("What I felt underneath");
        assertThat(mary.locator(".loop-card")).containsText("To hear you still want me near");

        // Step 6: Mary goes ahead and shares an answer at "Coming closer"; John, still at the last step,
        // hears of it where he is, and goes there from the notice.
        Browsers.goToStep(mary, "Coming closer");
        SharedMoments.sharedElsewhere(mary, "Mary", john, "What you needed", "Coming closer",
                "Sit with me for a minute when I go quiet", () -> check("partner", "session-shared-notice", john));

        // Mary softens, John re-engages, the therapist confirms both as turning points on their console.
        mary.locator("#act-SOFTENING").fill("When you go quiet I feel thrown away; I want you to let me in");
        mary.locator("form:has(#act-SOFTENING)").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Say it to my partner")).click();
        assertThat(john.locator(".moves-card")).containsText("I want you to let me in");
        john.locator("#act-REENGAGEMENT").fill("I went quiet because I felt turned down, not to punish you");
        john.locator("form:has(#act-REENGAGEMENT)").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Say it to my partner")).click();
        assertThat(mary.locator(".moves-card")).containsText("not to punish you");
        TherapistConsole.confirmsTurningPoints(therapist, screen -> check("therapist", screen, therapist));
        assertThat(mary.locator(".moves-card .privacy.shared")).hasCount(2);
        // The therapist watches the couple's cycle state move as it happens, on the session's own screen:
        // both turning points confirmed, though one session is not enough yet to name a phase.
        assertThat(therapist.locator(".cycle-card .turns-block")).not().containsText("not confirmed");
        assertThat(therapist.locator(".cycle-card .turns-block")).containsText("confirmed by the therapist");
        assertThat(therapist.locator(".cycle-card .phase-block")).containsText("Not enough yet");

        // The old resentment is let go, and John ends the session: everyone sees what it came to.
        mary.locator("#let-go-words").fill("The evening of the shoulder rub");
        mary.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose letting it go")).click();
        john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agree to let it go")).click();
        assertThat(mary.locator(".let-go-card")).containsText("Let go, together");
        john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End for both of us")).click();
        for (Page page : List.of(john, mary, therapist)) {
            assertThat(page.locator(".outcome")).containsText("2 steps revealed together");
            assertThat(page.locator(".outcome")).containsText("1 resentment let go");
        }
        check("partner", "session-outcome", john);
        check("partner-phone", "session-outcome", mary);
        for (String[] step : own) {
            assertNeverShown(mary, step[1]);
            assertNeverShown(therapist, step[1]);
            assertNeverShown(john, step[2]);
        }

        // Mary tells the therapist privately that she does not feel safe: it reaches the therapist's screen at
        // once, whatever screen they are on, and never John's.
        String concern = "When he goes that cold I get scared of what comes next";
        mary.navigate("/#/lists");
        // Words typed and not sent yet survive a reload; a paste past a field's limit is refused, and says so.
        String typed = "Shall we walk by the river on Sunday?";
        mary.locator("#ed-bid-words").fill(typed);
        mary.reload();
        assertThat(mary.locator("#ed-bid-words")).hasValue(typed);
        mary.locator("#ed-bid-words").evaluate("(field, text) => { const data = new DataTransfer(); data.setData('text', text);"
                + " field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }",
                "x".repeat(5000));
        assertThat(mary.locator("#ed-bid-words")).hasValue(typed);
        assertThat(mary.locator(".field-problem").first()).containsText("takes at most");
        Browsers.openSection(mary, "Therapist & privacy");
        assertThat(mary.locator(".private-card .crisis")).containsText("Emergency services");
        assertThat(mary.locator("#concern-words")).hasAttribute("autocomplete", "off");
        mary.locator("#concern-words").fill(concern);
        mary.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send privately")).click();
        assertThat(mary.locator(".private-card .notice")).containsText("Dr. Okafor can read it now");
        assertThat(String.valueOf(mary.evaluate("() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage })")))
                .as("nothing of the concern stays on the device").doesNotContain(concern);
        assertThat(therapist.locator(".concern-banner")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
        assertThat(therapist.locator(".concern-banner .concern-words")).isHidden();
        check("therapist", "safety-concern", therapist);
        therapist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show it")).click();
        assertThat(therapist.locator(".concern-banner .concern-words")).hasText(concern);
        assertNeverShown(john, concern);
        therapist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have read it")).click();
        assertThat(therapist.locator(".concern-banner")).isHidden();
        assertNeverShown(john, concern);
        mary.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Quick exit")).click();
        mary.waitForURL("about:blank");
        // Back leads to Duet signed out: the quick exit took the sign-in with it.
        mary.goBack();
        assertThat(mary.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertThat(mary.locator("#person .person-name")).hasCount(0);

        // The therapist's case: the cycle state, caught up live, and week by week.
        therapist.locator("a.back").click();
        check("therapist", "case", therapist);
        TrendCharts.showTheWeeksTheApiGives(therapist, () -> check("therapist", "cycle-trends", therapist));
        john.navigate("/#/cycle");
        TrendCharts.showTheWeeksTheApiGives(john, () -> check("partner", "cycle-trends", john));
        therapist.navigate("/");
        check("therapist", "caseload", therapist);

        // An analyst sees the same history under pseudonyms only.
        Page analyst = browsers.signIn(browsers.person(false), ANALYST_EMAIL, "an analyst's long password");
        assertThat(analyst.locator("h1")).hasText("Research");
        check("analyst", "research", analyst);
        // The couple under its pseudonym, its session replayed at 50x, and the export downloaded.
        analyst.locator("button:has-text('c-')").first().click();
        analyst.locator("#replay-speed").selectOption("50");
        analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play")).click();
        assertThat(analyst.locator(".research-frames li").first()).isVisible();
        com.microsoft.playwright.Download csv = analyst.waitForDownload(() ->
                analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download CSV")).click());
        assertThat(csv.suggestedFilename()).isEqualTo("duet-couples.csv");
        check("analyst", "replay", analyst);
        assertThat(analyst.locator("body")).not().containsText("John");
        assertThat(analyst.locator("body")).not().containsText("Mary");
        assertThat(analyst.locator("body")).not().containsText("shoulder");

        assertThat(accessibility).as("axe-core: serious or critical problems").isEmpty();
    }

    /** Each writes privately; Mary is ready first; John's ready starts the countdown that reveals both ({@link SharedMoments}). */
    private void revealedStep(Page john, Page mary, Page therapist, String stepTitle, String johns, String marys, boolean takeBack) {
        Browsers.writeLink(john, stepTitle, johns, null);
        Browsers.writeLink(mary, stepTitle, marys, null);
        SharedMoments.readyFirst(mary, "Mary", List.of(john, therapist), takeBack);
        SharedMoments.countdownReveal(mary, marys, john, johns, therapist, () -> {
            assertNeverShown(john, marys);
            assertNeverShown(therapist, marys);
            assertNeverShown(therapist, johns);
            assertNeverShown(mary, johns);
            if (takeBack) {
                check("partner", "session-countdown", john);
            }
        });
    }

    /** The text is nowhere in the page: not shown, not hidden in it, not in any attribute. */
    private static void assertNeverShown(Page page, String text) {
        assertThat(page.content()).as("a screen holds words it must never see").doesNotContain(text);
    }

    private static void check(String role, String screen, Page page) {
        Browsers.screenshot(page, role, screen);
        Browsers.accessibilityProblems(page).forEach(problem -> accessibility.add(role + "/" + screen + ": " + problem));
    }

    private static String email(String name) {
        return name + "-" + UUID.randomUUID() + "@duet.test";
    }
}
