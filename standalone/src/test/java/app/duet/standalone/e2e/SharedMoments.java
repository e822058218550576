package app.duet.standalone.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The moments two partners share, as their screens (and their therapist's) show them: answers revealed
 * together when a countdown ends, and an answer shared at another step, announced wherever the other is.
 */
final class SharedMoments {

    /** Notes, on a screen, the moment a text first shows there (its own clock: every screen runs on this machine). */
    private static final String CLOCK = "(text) => { window.revealLanded = null; const watch = new MutationObserver(() => {"
            + " if (!window.revealLanded && document.body.innerText.includes(text)) { window.revealLanded = Date.now(); watch.disconnect(); } });"
            + " watch.observe(document.body, { childList: true, subtree: true, characterData: true }); }";
    private static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
    /** The countdown (five seconds), and a margin for a busy machine. */
    private static final LocatorAssertions.ContainsTextOptions COUNTDOWN_AND_MARGIN = new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);
    private static final long SAME_MOMENT_MS = 1_500;

    private SharedMoments() {
    }

    static void markReady(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark my answers ready")).click();
    }

    /**
     * The first partner marks their answers ready: the others' screens say so (never what they wrote).
     * With takeBack, they take them back, which the others see too, and mark them ready again.
     */
    static void readyFirst(Page first, String name, List<Page> others, boolean takeBack) {
        markReady(first);
        for (Page other : others) {
            assertThat(other.locator(".reveal-box")).containsText(name + " is ready");
            // In a bdi: a name in a right-to-left script leaves the sentence around it in order.
            assertThat(other.locator(".reveal-box bdi").filter(new Locator.FilterOptions().setHasText(name))).hasCount(1);
        }
        if (takeBack) {
            first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take them back")).click();
            for (Page other : others) {
                assertThat(other.locator(".reveal-box")).containsText(name + " is not ready yet");
            }
            markReady(first);
            assertThat(others.get(0).locator(".reveal-box")).containsText(name + " is ready");
        }
    }

    /**
     * The last partner marks their answers ready: a countdown runs on both partners' screens and on
     * their therapist's console, none of which shows the other's answer (nor offers to take one back)
     * until it ends; then both answers show on every screen at the same moment, and no "only you"
     * notice stays behind. whileCounting runs during the countdown: the caller checks there that no
     * screen holds words it must not see.
     */
    static void countdownReveal(Page first, String firsts, Page last, String lasts, Page therapist, Runnable whileCounting) {
        Map<Page, String> arrives = new LinkedHashMap<>();
        arrives.put(first, lasts);
        arrives.put(last, firsts);
        arrives.put(therapist, firsts);
        arrives.forEach((page, text) -> page.evaluate(CLOCK, text));
        markReady(last);
        for (Page page : arrives.keySet()) {
            assertThat(page.locator(".reveal-box .countdown")).isVisible(SOON);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take them back"))).hasCount(0);
        }
        for (Page partner : List.of(first, last)) {
            assertThat(partner.locator(".step-panel .entries")).hasCount(0);
        }
        whileCounting.run();
        for (Page partner : List.of(first, last)) {
            assertThat(partner.locator(".step-panel .entries")).containsText(firsts, COUNTDOWN_AND_MARGIN);
            assertThat(partner.locator(".step-panel .entries")).containsText(lasts);
        }
        assertThat(therapist.locator(".console-partners")).containsText(firsts, COUNTDOWN_AND_MARGIN);
        assertThat(therapist.locator(".console-partners")).containsText(lasts);
        for (Page page : arrives.keySet()) {
            assertThat(page.locator("body")).not().containsText("Only you can see these yet");
            assertThat(page.locator(".step-panel .privacy, .console-step-now .privacy")).containsText("opened at the same moment");
            assertThat(page.locator(".reveal-box")).hasCount(0);
        }
        List<Long> landed = arrives.keySet().stream().map(page -> ((Number) page.evaluate("() => window.revealLanded")).longValue()).toList();
        long spread = landed.stream().mapToLong(Long::longValue).max().orElseThrow() - landed.stream().mapToLong(Long::longValue).min().orElseThrow();
        System.out.printf("reveal landed on both partners' screens and the therapist's console within %d ms%n", spread);
        assertThat(spread).as("the reveal lands on every screen at the same moment").isLessThan(SAME_MOMENT_MS);
    }

    /**
     * One partner shares an answer at a step the other is not on: the other's screen says so where they
     * are, and its notice takes them there. The partner sharing is on the step already.
     */
    static void sharedElsewhere(Page sharing, String name, Page other, String otherIsAt, String stepTitle, String words,
                                Runnable whileNoticed) {
        sharing.locator("#entry-text").fill(words);
        sharing.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save privately")).click();
        sharing.locator(".step-panel .drafts").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Share with my partner")).click();
        Locator notice = other.locator(".shared-notice");
        assertThat(notice).containsText(name + " shared an answer with you at “" + stepTitle + "”",
                new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(other.locator(".step-panel h3")).hasText(otherIsAt);
        whileNoticed.run();
        notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Go there")).click();
        assertThat(other.locator(".step-panel h3")).hasText(stepTitle);
        assertThat(other.locator(".step-panel .entries")).containsText(words);
        assertThat(other.locator(".shared-notice")).hasCount(0);
    }
}
