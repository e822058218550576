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
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop in the partners' own words, in the browser: John and Mary map their sides of one evening
 * (a 200-character link and a Hebrew one among them) while their therapist observes. At 320 and at
 * 1280 pixels each screen shows both partners' words and the two arrows joining one's behaviour to
 * what set the other off; the test measures that no label overlaps another, none leaves the card or
 * the screen, none is cut, no text is under 11 px, and that the arrows start and end at the words
 * they join. A screen reader gets the same as ordered lists, the drawing hidden. What John keeps to
 * himself reaches neither Mary nor the therapist.
 */
class LoopInTheirWordsTest {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext product;
    private static Browsers browsers;

    static final String LONG = "That what happens to me is background noise to her, that I could vanish into the wallpaper of our "
            + "kitchen and she would only notice once the bins were full and nobody had carried them down the stairs.";
    static final String HEBREW = "כשהוא נעלם למחסן בלי מילה";
    static final String JOHNS_BEHAVIOUR = "Went to the shed and stayed there until she was asleep";
    static final String KEPT = "I nearly said I would sleep at my brother's tonight";

    @BeforeAll
    static void start() {
        product = StandaloneApplication.start("--server.port=0", "--duet.data-dir=" + dataDir);
        browsers = Browsers.launch("http://127.0.0.1:" + ((WebServerApplicationContext) product).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        product.close();
    }

    @Test
    void eachSideShowsThePartnersOwnWordsJoinedByTwoArrowsAtAnyWidth() {
        BrowserContext johnsBrowser = browsers.person(false);
        BrowserContext marysBrowser = browsers.person(false);
        BrowserContext therapistsBrowser = browsers.person(false);
        try {
            Page therapist = browsers.signUp(therapistsBrowser, "Dr. Adeyemi", email("adeyemi"), "THERAPIST");
            Page john = browsers.signUp(johnsBrowser, "John", email("john"), "PARTNER");
            Page mary = browsers.signUp(marysBrowser, "Mary", email("mary"), "PARTNER");
            coupleWithTheirTherapist(john, mary, therapist);

            Browsers.openSection(john, "Sessions");
            john.locator("#exercise").selectOption("CYCLE_MAP");
            click(john, "Start session");
            assertThat(john.locator("h2#exercise-title")).isVisible();
            mary.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join Map the loop")).click();
            assertThat(john.locator(".presence")).not().containsText("not here");
            therapist.locator("a[href^='#/couples/']").first().click();
            therapist.locator("a[href^='#/observing/']").first().click();
            assertThat(therapist.locator(".loop-card h2")).hasText("Their loop");

            Browsers.goToStep(john, "Your side of the loop");
            Browsers.goToStep(mary, "Your side of the loop");
            share(john, "TRIGGER", "Mary checked her messages while I was telling her about my day", 5, null);
            share(john, "SECONDARY_EMOTION", "Irritated, then flat", 6, null);
            share(john, "PERCEPTION", LONG, 7, null);
            share(john, "BEHAVIOUR", JOHNS_BEHAVIOUR, 8, "WITHDRAW");
            share(john, "PRIMARY_EMOTION", "Lonely, and small", 9, null);
            share(john, "UNMET_NEED", "To matter to her more than the screen does", 7, null);
            share(mary, "TRIGGER", HEBREW, 7, null);
            share(mary, "SECONDARY_EMOTION", "Cross with him", 6, null);
            share(mary, "BEHAVIOUR", "Texted him again and again to come back inside", 8, "PURSUE");
            share(mary, "PRIMARY_EMOTION", "Frightened that he is drifting off for good", 8, null);
            share(mary, "UNMET_NEED", "Some sign that he still chooses me", 9, null);
            save(john, "UNMET_NEED", KEPT, 4);

            for (Page page : List.of(john, mary, therapist)) {
                assertThat(page.locator(".loop-card")).containsText(LONG);
                assertThat(page.locator(".loop-card")).containsText(HEBREW);
                assertThat(page.locator(".loop-card")).containsText("Some sign that he still chooses me");
            }
            assertThat(mary.content()).as("John's unshared words on Mary's screen").doesNotContain(KEPT);
            assertThat(therapist.content()).as("John's unshared words on the therapist's screen").doesNotContain(KEPT);
            assertThat(john.locator(".loop-card")).not().containsText(KEPT);

            // Mary reads John's side as his, and her own as hers; the arrows say what sets whom off.
            assertThat(mary.locator(".loop-card h2")).hasText("Your loop");
            assertThat(mary.locator(".loop-join.from-0, .loop-join.from-1")).hasCount(2);
            assertThat(mary.locator(".loop-join:has-text('John’s “Went to the shed and stayed there until')")).containsText("sets you off: “" + HEBREW + "”");
            assertThat(mary.locator(".loop-join:has-text('Your “Texted him again and again')")).containsText("sets John off: “Mary checked her messages");
            String list = mary.locator(".loop-figure").ariaSnapshot();
            assertThat(list).doesNotContain("img");
            assertThat(List.of("heading \"John’s side\"", "What set me off", "Mary checked her messages", "What I did · Pulled away",
                    JOHNS_BEHAVIOUR + " strength 8 of 10", "Then: John’s “Went to the shed", "heading \"Your side\"", HEBREW + " strength 7 of 10",
                    "Then: Your “Texted him")).allMatch(list::contains).isSortedAccordingTo((a, b) -> list.indexOf(a) - list.indexOf(b));

            for (int width : List.of(320, 1280)) {
                for (Page page : List.of(john, mary, therapist)) {
                    page.setViewportSize(width, 900);
                }
                LoopMeasures.check(john, "partner", "loop-" + width);
                LoopMeasures.check(mary, "partner-mary", "loop-" + width);
                LoopMeasures.check(therapist, "therapist", "loop-" + width);
            }

            // A tap shows the long words whole, and the loop still holds together around them.
            john.setViewportSize(320, 900);
            Locator opener = john.locator(".loop-card button.loop-say");
            double shortHeight = opener.boundingBox().height;
            opener.click();
            assertThat(opener).hasAttribute("aria-expanded", "true");
            assertThat(opener.boundingBox().height).isGreaterThan(shortHeight + 10);
            LoopMeasures.check(john, "partner", "loop-opened-320");
            assertThat(Browsers.accessibilityProblems(john)).as("axe-core on the loop").isEmpty();
            assertThat(Browsers.accessibilityProblems(therapist)).as("axe-core on the observed loop").isEmpty();
        } catch (RuntimeException | AssertionError failed) {
            Browsers.screenshotAll("failure-loop", johnsBrowser, marysBrowser, therapistsBrowser);
            throw failed;
        }
    }

    private static void coupleWithTheirTherapist(Page john, Page mary, Page therapist) {
        assertThat(therapist.locator("#therapist-code")).hasText(java.util.regex.Pattern.compile("^[A-Z2-9]{4}-[A-Z2-9]{4}$"));
        String therapistCode = therapist.locator("#therapist-code").textContent().trim();
        click(john, "Create our couple");
        String code = john.locator(".invite .code").textContent().trim();
        mary.locator("#join-code").fill(code);
        click(mary, "Join");
        assertThat(john.locator(".people")).containsText("Mary");
        Browsers.openSection(john, "Therapist & privacy");
        john.locator("#therapist-code").fill(therapistCode);
        john.locator("#therapist-name").fill("Dr. Adeyemi");
        click(john, "Invite");
        click(mary, "Consent to Dr. Adeyemi");
        assertThat(john.locator("body")).containsText("Both of you consented");
        assertThat(therapist.locator("a[href^='#/couples/']")).hasCount(1);
    }

    private static void save(Page page, String link, String words, int strength) {
        page.locator("#entry-link").selectOption(link);
        page.locator("#entry-words").fill(words);
        page.locator("#entry-intensity").fill(String.valueOf(strength));
        click(page, "Save privately");
        assertThat(page.locator(".step-panel .drafts")).containsText(words);
    }

    private static void share(Page page, String link, String words, int strength, String move) {
        page.locator("#entry-link").selectOption(link);
        page.locator("#entry-words").fill(words);
        page.locator("#entry-intensity").fill(String.valueOf(strength));
        if (move != null) {
            page.locator("#entry-move").selectOption(move);
        }
        click(page, "Save privately");
        page.locator(".step-panel .drafts .draft").filter(new Locator.FilterOptions().setHasText(words))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Share with my partner")).click();
        assertThat(page.locator(".loop-card")).containsText(words);
    }

    private static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).first().click();
    }

    private static String email(String name) {
        return name + "-" + UUID.randomUUID() + "@duet.test";
    }
}
