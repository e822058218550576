package app.duet.standalone.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** What each partner has of their own on the page: a copy of their data, and what happened while they were elsewhere. */
final class OwnCopiesAndNotifications {

    private OwnCopiesAndNotifications() {
    }

    /**
     * Each partner downloads their own copy from Therapist and privacy: Mary's holds her unshared
     * draft, John's does not. John's bell counts what happened while he was elsewhere (Mary joining),
     * and marking all read empties it.
     */
    static void check(Page john, Page mary, String unshared) {
        Browsers.openSection(john, "Therapist & privacy");
        Download johns = john.waitForDownload(() ->
                john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download our data")).click());
        assertThat(text(johns)).contains("\"about\"").doesNotContain(unshared);
        mary.navigate("/#/privacy");
        Download marys = mary.waitForDownload(() ->
                mary.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download our data")).click());
        assertThat(text(marys)).contains(unshared);

        assertThat(john.locator(".notification-bell .bell-count")).isVisible();
        john.locator(".notification-bell").click();
        assertThat(john).hasURL(Pattern.compile("#/notifications$"));
        assertThat(john.locator(".notification").first()).isVisible();
        Browsers.screenshot(john, "sections-partner", "notifications");
        john.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark all read")).click();
        assertThat(john.locator(".notification-bell .bell-count")).isHidden();
    }

    private static String text(Download download) {
        try {
            return Files.readString(download.path());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
