package app.duet.standalone.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Debian's chromium, headless, driven by Playwright without any browser download, and what the
 * end-to-end tests do with it: people signing up and in through the real pages, screenshots named
 * by role and screen, and an accessibility check with axe-core (Deque's Playwright integration).
 */
final class Browsers implements AutoCloseable {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("DUET_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target", "e2e");
    /** Without the background-networking flags chromium keeps trying to reach Google on a closed network. */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    final Playwright playwright;
    /** Pages axe-core is looking at: it adds style elements of its own, which the page's policy rightly refuses. */
    private static final java.util.Set<Page> AXE_AT_WORK = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** What chromium refused under the page's Content-Security-Policy, from every page of every person. */
    private final List<String> policyViolations = java.util.Collections.synchronizedList(new ArrayList<>());
    final Browser browser;
    private final String baseUrl;

    private Browsers(Playwright playwright, Browser browser, String baseUrl) {
        this.playwright = playwright;
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    /** Skips the test where there is no chromium; CI installs it (see .ci/run). */
    static Browsers launch(String baseUrl) {
        return launch(baseUrl, List.of());
    }

    /**
     * With flags of the test's own, such as {@code --host-resolver-rules=MAP duet.test 127.0.0.1}: the
     * product opened at a name of its own, as at a home-network name, which only this browser resolves.
     */
    static Browsers launch(String baseUrl, List<String> moreFlags) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "No chromium at " + CHROMIUM + ": install Debian's chromium");
        // Shared machines are slow at times: an assertion waits as long as an action may.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(java.util.stream.Stream.concat(FLAGS.stream(), moreFlags.stream()).toList()));
        return new Browsers(playwright, browser, baseUrl);
    }

    /** A person's own browser: their own cookies and storage; phone-sized when asked. */
    BrowserContext person(boolean phone) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setBaseURL(baseUrl);
        if (phone) {
            options.setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true);
        } else {
            options.setViewportSize(1280, 900);
        }
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(20_000);
        // The page runs under its Content-Security-Policy: anything it refuses is a fault of the page.
        context.onPage(page -> page.onConsoleMessage(message -> {
            boolean policy = message.text().contains("Content Security Policy") || message.text().contains("Refused to");
            if (policy && !AXE_AT_WORK.contains(page)) {
                policyViolations.add(page.url() + ": " + message.text());
            }
        }));
        return context;
    }

    /**
     * Opens an account through the page, as a new person would: where Duet sends no mail (here) that
     * signs them in at once, with no sign-in form, and the page shows their next step.
     */
    Page signUp(BrowserContext context, String name, String email, String role) {
        Page page = context.newPage();
        page.onDialog(dialog -> dialog.accept());
        page.navigate("/#/sign-up");
        page.locator("#sign-up-name").fill(name);
        page.locator("#sign-up-email").fill(email);
        page.locator("#sign-up-password").fill("a long enough password");
        page.locator("#role-" + role.toLowerCase()).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open my account")).click();
        signedIn(page);
        return page;
    }

    /** Signs in with an existing account (configured ones, like analysts'). */
    Page signIn(BrowserContext context, String email, String password) {
        Page page = context.newPage();
        page.navigate("/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/sign-in**");
        page.locator("#email").fill(email);
        page.locator("#password").fill(password);
        page.locator("form button[type=submit]").click();
        signedIn(page);
        return page;
    }

    /**
     * Back on the page with tokens: the issuer's redirect, the code's exchange and the first views.
     * On a busy shared machine (CI) that chain can take longer than one action's default wait.
     */
    private static void signedIn(Page page) {
        page.waitForURL(url -> !url.contains("/sign-in") && !url.contains("/oauth2/"),
                new Page.WaitForURLOptions().setTimeout(60_000));
        assertThat(page.locator("#person .person-name"))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
    }

    /** A full-page screenshot named by role and screen, e.g. partner-session-reveal.png. */
    static void screenshot(Page page, String role, String screen) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
        // The caret as it is: hiding it would make Playwright add a style element, which the page's CSP refuses.
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(role + "-" + screen + ".png")).setFullPage(true)
                .setCaret(com.microsoft.playwright.options.ScreenshotCaret.INITIAL));
    }

    /** Every open page of these browsers, for looking at what went wrong. */
    static void screenshotAll(String role, BrowserContext... contexts) {
        int n = 0;
        for (BrowserContext context : contexts) {
            for (Page page : context.pages()) {
                screenshot(page, role, String.valueOf(++n));
            }
        }
    }

    /**
     * Runs axe-core on the page; returns its serious and critical violations as readable lines. It
     * looks with motion reduced, as the page then shows everything at once: an item still fading in
     * (`arrive`) would otherwise be measured halfway, against its final colours' contrast.
     */
    static List<String> accessibilityProblems(Page page) {
        List<String> lines = new ArrayList<>();
        page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
        List<Rule> violations;
        AXE_AT_WORK.add(page);
        try {
            violations = new AxeBuilder(page).analyze().getViolations();
        } finally {
            AXE_AT_WORK.remove(page);
            page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.NO_PREFERENCE));
        }
        for (Rule violation : violations) {
            if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                String targets = violation.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget()))
                        .collect(java.util.stream.Collectors.joining(" | "));
                lines.add(violation.getImpact() + " " + violation.getId() + ": " + violation.getHelp() + " at " + targets);
            }
        }
        return lines;
    }

    @Override
    public void close() {
        try {
            browser.close();
            if (!policyViolations.isEmpty()) {
                throw new AssertionError("The page broke its Content-Security-Policy:\n" + String.join("\n", policyViolations));
            }
        } catch (RuntimeException closing) {
            // Playwright for Java trips over a routed socket closed without a code; the browser goes anyway.
            System.err.println("Closing chromium: " + closing);
        } finally {
            playwright.close();
        }
    }

    /**
     * Opens a section of the person's home through the header's nav, as a person would: the link
     * is then the current page, and the address is the section's own.
     */
    static void openSection(Page page, String label) {
        Locator link = page.locator("#sections").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(label).setExact(true));
        link.click();
        assertThat(link).hasAttribute("aria-current", "page");
    }

    /** Names a link of the loop at a step of the running exercise, saved privately (and so shown among the page's drafts). */
    static void writeLink(Page page, String stepTitle, String words, String move) {
        goToStep(page, stepTitle);
        page.locator("#entry-words").fill(words);
        if (move != null) {
            page.locator("#entry-move").selectOption(move);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save privately")).click();
        assertThat(page.locator(".step-panel .drafts")).containsText(words);
    }

    /**
     * Opens a step of the running exercise. A push that redraws the step buttons at the moment of the
     * click can swallow it (seen on a loaded machine): the click is made again, at most three times.
     */
    static void goToStep(Page page, String stepTitle) {
        String title = ".step-title:text-is('" + stepTitle + "')";
        for (int attempt = 1; ; attempt++) {
            // On a phone the steps other than the current one are folded: unfold the one that holds it.
            Locator folded = page.locator(".steps details:not([open]):has(" + title + ") > summary");
            if (folded.count() > 0) {
                folded.first().click();
            }
            page.locator(".step-button:has(" + title + ")").click();
            try {
                assertThat(page.locator(".step-panel h3")).hasText(stepTitle,
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(attempt < 3 ? 5_000 : 30_000));
                return;
            } catch (AssertionError notYet) {
                if (attempt >= 3) {
                    throw notYet;
                }
            }
        }
    }
}
