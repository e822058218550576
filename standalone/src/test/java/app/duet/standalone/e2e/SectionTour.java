package app.duet.standalone.e2e;

import com.microsoft.playwright.Page;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A walk through the sections of one person's home at one screen width: each section screenshotted
 * (target/e2e/sections-ROLE-SECTION-WIDTH.png), checked with axe, checked for a page wider than the
 * screen, and checked for words that must never reach this person. What axe or the width finds is
 * collected, so one run shows every section's problems at once.
 */
final class SectionTour {

    static final int DESKTOP = 1280;
    static final int PHONE = 390;

    private final List<String> problems = new ArrayList<>();
    private final List<String> neverShown;

    /** neverShown: words (a partner's unshared draft, say) that no page of this tour may hold. */
    SectionTour(List<String> neverShown) {
        this.neverShown = neverShown;
    }

    /** Sets the page to a desktop (1280×900) or phone (390×844) screen. */
    static void width(Page page, int width) {
        page.setViewportSize(width, width == PHONE ? 844 : 900);
    }

    /** Opens a section through the nav, then looks at it. */
    void section(Page page, String role, String label, String name) {
        Browsers.openSection(page, label);
        // Keyboard and screen reader users start at the section's heading, and the page at its top.
        assertThat(page.locator("main h1")).isFocused();
        assertThat(((Number) page.evaluate("() => window.scrollY")).intValue()).as(label + " opens at its top").isZero();
        look(page, role, name);
    }

    /** Looks at what the page shows now, once its heading is in. */
    void look(Page page, String role, String name) {
        assertThat(page.locator("main h1")).isVisible();
        int width = page.viewportSize().width;
        String shot = name + "-" + width;
        Browsers.screenshot(page, "sections-" + role, shot);
        Browsers.accessibilityProblems(page).forEach(problem -> problems.add(role + "/" + shot + ": " + problem));
        Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow.intValue() > 0) {
            problems.add(role + "/" + shot + ": the page is " + overflow + " px wider than the screen");
        }
        String content = page.content();
        neverShown.stream().filter(content::contains)
                .forEach(words -> problems.add(role + "/" + shot + ": shows words it must never see: " + words));
    }

    /** Every problem found on the way: none, or the test fails naming each. */
    void assertNoProblems() {
        assertThat(problems).as("serious or critical axe findings, pages wider than the screen, words shown to the wrong person").isEmpty();
    }
}
