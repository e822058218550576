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

/**
 * The other exercises' kinds of answer, in the browser: baby steps (lists revealed together,
 * choosing, a smaller step, commitments, and each followed up from the couple's page after), space and closeness (needs revealed together, a
 * reassurance answering the other's need, a plan) and the cycle map (links shared one by one and
 * drawn into the loop). One couple, Ann and Ben, one exercise after another.
 */
class EveryExerciseInTheBrowserTest {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext product;
    private static Browsers browsers;

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
        app.duet.testing.StoredEventsFixture.writeIfAsked(product, "EveryExerciseInTheBrowserTest");
        product.close();
    }

    @Test
    void babyStepsSpaceAndClosenessAndTheCycleMapRunToTheirEnd() {
        BrowserContext annsBrowser = browsers.person(false);
        BrowserContext bensBrowser = browsers.person(false);
        try {
            Page ann = browsers.signUp(annsBrowser, "Ann", "ann-" + UUID.randomUUID() + "@duet.test", "PARTNER");
            Page ben = browsers.signUp(bensBrowser, "Ben", "ben-" + UUID.randomUUID() + "@duet.test", "PARTNER");
            click(ann, "Create our couple");
            String code = ann.locator(".invite .code").textContent().trim();
            ben.locator("#join-code").fill(code);
            click(ben, "Join");

            babySteps(ann, ben);
            spaceAndCloseness(ann, ben);
            cycleMap(ann, ben);
        } catch (RuntimeException | AssertionError failed) {
            Browsers.screenshotAll("failure-exercises", annsBrowser, bensBrowser);
            throw failed;
        }
    }

    private void babySteps(Page ann, Page ben) {
        start(ann, ben, "BABY_STEPS", "Baby steps");
        listAndMarkReady(ann, "A text in the afternoon, just because", "3");
        listAndMarkReady(ben, "A long hug when I get home", "2");
        // Both ready: the lists open for both when the countdown ends.
        assertThat(ben.locator(".step-panel .entries")).containsText("A text in the afternoon");
        assertThat(ann.locator(".step-panel .entries")).containsText("A long hug when I get home");

        // Ben takes up Ann's step as it stands; Ann offers a smaller step for Ben's; both commit.
        Browsers.goToStep(ben, "Choose");
        Browsers.goToStep(ann, "Choose");
        assertThat(ben.locator(".baby-steps-card")).containsText("A text in the afternoon");
        click(ben, "I will do this");
        click(ben, "I commit to it");
        ann.locator(".baby-steps-card summary").click();
        ann.locator(".baby-steps-card textarea").fill("A short hug at the door, for now");
        click(ann, "Offer this smaller step");
        click(ann, "I commit to it");
        assertThat(ben.locator(".baby-steps-card")).containsText("Ann offered a smaller step");
        assertThat(ann.locator(".baby-steps-card")).containsText("Ben will do this · committed");
        Browsers.screenshot(ann, "partner", "session-baby-steps");
        end(ann, ben, "2 baby steps committed to");

        // Back home, between sessions: each says how their own step went, and both see it.
        ann.navigate("/#/lists");
        ben.navigate("/#/lists");
        Locator bensSteps = ben.locator(".followed-steps");
        Locator annsSteps = ann.locator(".followed-steps");
        assertThat(bensSteps).containsText("A text in the afternoon, just because");
        assertThat(annsSteps).containsText("A short hug at the door, for now");
        bensSteps.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done").setExact(true)).click();
        assertThat(annsSteps.locator(".entry:has-text('A text in the afternoon')")).containsText("Done: 1");
        assertThat(annsSteps.locator(".entry:has-text('A text in the afternoon') button")).hasCount(0);
        annsSteps.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Not this time").setExact(true)).click();
        assertThat(bensSteps.locator(".entry:has-text('A short hug')")).containsText("Not this time: 1");
        Browsers.screenshot(ben, "partner", "couple-baby-steps");
    }

    private void spaceAndCloseness(Page ann, Page ben) {
        start(ann, ben, "SPACE_AND_CLOSENESS", "Space and closeness");
        ann.locator("#need-CLOSENESS").check();
        ann.locator("#entry-words").fill("An evening a week that is only ours");
        click(ann, "Save privately");
        ben.locator("#need-SPACE").check();
        ben.locator("#entry-words").fill("A quiet hour after work before we talk");
        click(ben, "Save privately");
        assertThat(ben.locator(".entry-form .problem")).containsText("reassurance");
        ben.locator("#entry-reassurance").fill("I come back to you every time, rested");
        click(ben, "Save privately");
        for (Page page : List.of(ann, ben)) {
            click(page, "Mark my answers ready");
        }
        assertThat(ann.locator(".step-panel .entries")).containsText("I come back to you every time");

        // Ann answers Ben's need with a reassurance of her own, and shares it.
        Browsers.goToStep(ann, "Reassure");
        ann.locator("#entry-words").fill("Take the hour; I will be glad to see you after it");
        click(ann, "Save privately");
        click(ann, "Share with my partner");
        Browsers.goToStep(ben, "Reassure");
        assertThat(ben.locator(".step-panel .entries")).containsText("glad to see you");
        end(ann, ben, "3 answers shared");
    }

    private void cycleMap(Page ann, Page ben) {
        start(ann, ben, "CYCLE_MAP", "Map the loop");
        Browsers.goToStep(ann, "Your side of the loop");
        ann.locator("#entry-link").selectOption("BEHAVIOUR");
        ann.locator("#entry-words").fill("I keep asking what is wrong");
        ann.locator("#entry-move").selectOption("PURSUE");
        click(ann, "Save privately");
        assertThat(ben.locator(".loop-card")).not().containsText("I keep asking");
        click(ann, "Share with my partner");
        assertThat(ben.locator(".loop-card")).containsText("I keep asking what is wrong");
        Browsers.screenshot(ben, "partner", "session-cycle-map");
        end(ann, ben, "1 answer shared");
    }

    private void start(Page ann, Page ben, String exercise, String label) {
        ann.navigate("/#/");
        ann.locator("#exercise").selectOption(exercise);
        click(ann, "Start session");
        assertThat(ann.locator("h2#exercise-title")).isVisible();
        ben.navigate("/#/");
        ben.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join " + label)).click();
        assertThat(ann.locator(".presence")).not().containsText("not here");
    }

    private void listAndMarkReady(Page page, String words, String size) {
        page.locator("#entry-words").fill(words);
        page.locator("#entry-size").fill(size);
        click(page, "Save privately");
        assertThat(page.locator(".step-panel .drafts")).containsText(words);
        click(page, "Mark my answers ready");
    }

    private void end(Page ann, Page ben, String outcome) {
        click(ann, "End for both of us");
        assertThat(ben.locator(".outcome")).containsText(outcome);
    }

    private static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).first().click();
    }
}
