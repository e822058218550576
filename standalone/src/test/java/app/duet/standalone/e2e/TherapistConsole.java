package app.duet.standalone.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observing therapist's console in the browser: both partners side by side, what each lets out
 * arriving live in their own column, nothing unshared ever reaching the therapist's browser, pause and
 * resume, and turning points confirmed in one place. Screenshots {@code therapist-console*.png}.
 */
final class TherapistConsole {

    private static final String SHARED = "I would like us to walk after dinner again, like we used to";
    private static final String UNSHARED = "Only for me: I still flinch when she sighs at the sink";
    private static final String BID = "Tea on the balcony before bed?";

    private TherapistConsole() {
    }

    /** The partner's column on the therapist's console, found by the name at its head. */
    static Locator column(Page therapist, String name) {
        return therapist.locator(".console-partner:has(h2:text-is('" + name + "'))");
    }

    /**
     * Both partners side by side with their step and presence, what each revealed in their own column;
     * then John keeps one note to himself and shares another: the shared one appears in his column at
     * once, and the other reaches the therapist's browser by no way at all (no view, no push, no page). Mary's
     * bid and John's answer show in her column. Then the therapist pauses the session and resumes it, and
     * both partners' screens follow.
     */
    static void showsWhatEachLetsOut(Page john, Page mary, Page therapist, String johnsAnswer, String marysAnswer) {
        // Everything pushed to the therapist from here on is heard: the page is opened again to listen from its start.
        List<String> pushed = new CopyOnWriteArrayList<>();
        therapist.onWebSocket(socket -> socket.onFrameReceived(frame -> pushed.add(frame.text())));
        therapist.reload();
        assertThat(therapist.locator(".console-partner")).hasCount(2);
        for (Locator column : List.of(column(therapist, "John"), column(therapist, "Mary"))) {
            assertThat(column.locator(".console-presence")).hasText("here");
            assertThat(column.locator(".console-step")).hasText("On the step Underneath · revealed");
        }
        assertThat(column(therapist, "John").locator(".console-let-out")).containsText(johnsAnswer);
        assertThat(column(therapist, "Mary").locator(".console-let-out")).containsText(marysAnswer);
        assertThat(column(therapist, "John")).not().containsText(marysAnswer);

        saveNote(john, UNSHARED);
        saveNote(john, SHARED);
        john.locator(".private-card .draft:has-text('" + SHARED + "')")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Share with my partner")).click();
        assertThat(column(therapist, "John").locator(".console-let-out")).containsText(SHARED);
        assertThat(column(therapist, "Mary")).not().containsText(SHARED);
        assertThat(john.locator(".private-card .drafts")).containsText(UNSHARED);
        assertThat(therapist.content()).doesNotContain(UNSHARED);
        String sessionPath = "sessions/" + therapist.url().replaceAll(".*#/observing/", "");
        Object view = therapist.evaluate("path => import('/js/api.js').then(api => api.query(path)).then(JSON.stringify)", sessionPath);
        assertThat(String.valueOf(view)).as("the session's view as the therapist reads it").contains(SHARED).doesNotContain(UNSHARED);
        assertThat(pushed).as("what was pushed to the therapist's browser").anyMatch(frame -> frame.contains(SHARED))
                .noneMatch(frame -> frame.contains(UNSHARED));

        // Mary reaches for John, he turns toward her: the bid and its answer show in her column.
        mary.locator("#bid-words").fill(BID);
        mary.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a bid")).click();
        john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn toward")).click();
        assertThat(column(therapist, "Mary").locator(".of-bid")).containsText(BID);
        assertThat(column(therapist, "Mary").locator(".of-bid")).containsText("John turned toward it");
        assertThat(column(therapist, "John")).not().containsText(BID);

        therapist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause the session")).click();
        assertThat(therapist.locator(".console-controls .notice.paused")).isVisible();
        assertThat(john.locator(".exercise-card .notice.paused")).isVisible();
        assertThat(mary.locator(".exercise-card .notice.paused")).isVisible();
        therapist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume the session")).click();
        assertThat(john.locator(".exercise-card .notice.paused")).isHidden();
        assertThat(mary.locator(".exercise-card .notice.paused")).isHidden();
        assertThat(therapist.locator(".console-controls .notice.paused")).isHidden();
    }

    /**
     * Mary's softening and John's re-engagement wait on the console, one button each; confirmed there, they
     * move to the confirmed list and show as turning points in their authors' columns. The console is then
     * checked and shot at desktop width and at a phone's 320 px, where nothing may run off the side.
     */
    static void confirmsTurningPoints(Page therapist, Consumer<String> check) {
        Locator turns = therapist.locator(".console-turns");
        assertThat(turns.locator(".console-turns-waiting > li")).hasCount(2);
        turns.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm as a softening")).click();
        turns.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm as a re-engagement")).click();
        assertThat(turns.locator(".console-turns-confirmed > li")).hasCount(2);
        assertThat(turns.locator(".console-turns-waiting > li")).hasCount(0);
        assertThat(column(therapist, "Mary").locator(".of-move")).containsText("Confirmed as a turning point");
        assertThat(column(therapist, "John").locator(".of-move")).containsText("Confirmed as a turning point");

        settled(therapist);
        check.accept("console");
        therapist.setViewportSize(320, 800);
        try {
            assertThat(column(therapist, "Mary")).isVisible();
            settled(therapist);
            Object overflow = therapist.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as("how far the console runs off a 320 px screen").isLessThanOrEqualTo(0);
            check.accept("console-phone");
        } finally {
            therapist.setViewportSize(1280, 900);
        }
    }

    /** Items that just arrived fade in (again, once axe's reduced motion is lifted): pictures wait until they have. */
    private static void settled(Page page) {
        page.waitForFunction("() => document.getAnimations().every(a => a.playState !== 'running'"
                + " || a.effect.getComputedTiming().endTime === Infinity)");
    }

    private static void saveNote(Page partner, String words) {
        partner.locator("#draft-text").fill(words);
        partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
        assertThat(partner.locator(".private-card .drafts")).containsText(words);
    }
}
