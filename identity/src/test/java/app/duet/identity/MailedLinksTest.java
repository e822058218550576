package app.duet.identity;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where Duet sends mail (an SMTP server is configured; here GreenMail's, in this JVM): sign-up opens
 * the account only from a link mailed to its address and answers alike whether or not the address
 * has an account; a forgotten password is reset by a mailed link. Links work once and expire.
 */
@SpringBootTest(classes = IdentityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + IdentityApplication.CONFIG_NAME,
                "spring.datasource.url=jdbc:h2:mem:mailed-links;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "spring.datasource.username=sa",
                "spring.datasource.password=",
                "spring.mail.host=127.0.0.1",
                "duet.identity.mail.links-to=http://duet.test:8080/"
        })
class MailedLinksTest {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern LINK = Pattern.compile("http://duet\\.test:8080/identity/(verify|reset)\\.html#([A-Za-z0-9_-]+)");
    private static final String PASSWORD = "correct horse battery";

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> post(HttpClient browser, String path, String json) {
        try {
            return browser.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception failed) {
            throw new AssertionError(path, failed);
        }
    }

    /** Where the issuer sends this browser when the page asks it to sign in: back with a code, or to the sign-in form. */
    private String authorizeIn(HttpClient browser) throws Exception {
        return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + ServedAddressTest.authorize(base() + "/")))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location").orElse("");
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String signUp(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Noor\",\"role\":\"PARTNER\"}";
    }

    private List<MimeMessage> mailsTo(String email, int atLeast) {
        assertThat(SMTP.waitForIncomingEmail(20_000, atLeast)).as("mail arrived").isTrue();
        return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
            try {
                return mail.getAllRecipients()[0].toString().equals(email);
            } catch (jakarta.mail.MessagingException unreadable) {
                throw new AssertionError(unreadable);
            }
        }).toList();
    }

    private static Matcher link(MimeMessage mail) {
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
        assertThat(link.find()).as("a link in: " + GreenMailUtil.getBody(mail)).isTrue();
        return link;
    }

    @Test
    void signUpMailsALinkThatOpensTheAccountOnceAndSignsItsOwnerIn() throws Exception {
        String email = "noor-" + UUID.randomUUID() + "@duet.test";

        HttpResponse<String> asked = post(browser(), "/api/identity/accounts", signUp(email));

        assertThat(asked.statusCode()).isEqualTo(202);
        assertThatThrownBy(() -> new BrowserSignIn(base()).signIn(email, PASSWORD)).as("no account before the link")
                .isInstanceOf(AssertionError.class);
        MimeMessage mail = mailsTo(email, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Confirm your address to open your Duet account");
        assertThat(GreenMailUtil.getBody(mail)).doesNotContain("Noor");
        Matcher link = link(mail);
        assertThat(link.group(1)).isEqualTo("verify");
        String token = link.group(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pending_sign_up WHERE token_hash = :token").param("token", token)
                .query(Integer.class).single()).as("the token itself is not stored").isZero();

        HttpClient browser = browser();
        HttpResponse<String> opened = post(browser, "/api/identity/verifications", "{\"token\":\"" + token + "\"}");

        assertThat(opened.statusCode()).isEqualTo(201);
        HttpResponse<String> authorized = browser.send(HttpRequest.newBuilder(URI.create(base()
                        + ServedAddressTest.authorize(base() + "/"))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        String back = authorized.headers().firstValue("Location").orElseThrow();
        assertThat(back).as("signed in by the link").startsWith(base() + "/?code=");
        assertThat(BrowserSignIn.exchange(base(), back, base() + "/", ServedAddressTest.VERIFIER).accessToken()).isNotBlank();
        assertThat(new BrowserSignIn(base()).signIn(email, PASSWORD).accessToken()).isNotBlank();
        HttpResponse<String> again = post(browser(), "/api/identity/verifications", "{\"token\":\"" + token + "\"}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(again.body()).get("detail").asString()).startsWith("This link does not work any more");
    }

    @Test
    void signUpAnswersTheSameForAnAddressThatHasAnAccount() throws Exception {
        String taken = "taken-" + UUID.randomUUID() + "@duet.test";
        String fresh = "fresh-" + UUID.randomUUID() + "@duet.test";
        post(browser(), "/api/identity/accounts", signUp(taken));
        String opening = link(mailsTo(taken, 1).get(0)).group(2);
        assertThat(post(browser(), "/api/identity/verifications", "{\"token\":\"" + opening + "\"}").statusCode()).isEqualTo(201);
        SMTP.purgeEmailFromAllMailboxes();

        HttpResponse<String> forTaken = post(browser(), "/api/identity/accounts", signUp(taken));
        HttpResponse<String> forFresh = post(browser(), "/api/identity/accounts", signUp(fresh));

        assertThat(forTaken.statusCode()).isEqualTo(forFresh.statusCode()).isEqualTo(202);
        assertThat(forTaken.body().replace(taken, "ADDRESS")).isEqualTo(forFresh.body().replace(fresh, "ADDRESS"));
        assertThat(forTaken.headers().map().keySet()).isEqualTo(forFresh.headers().map().keySet());
        MimeMessage toTaken = mailsTo(taken, 2).get(0);
        assertThat(toTaken.getSubject()).isEqualTo("You already have a Duet account");
        assertThat(LINK.matcher(GreenMailUtil.getBody(toTaken)).find()).as("no link that opens anything").isFalse();
        assertThat(mailsTo(fresh, 2).get(0).getSubject()).isEqualTo("Confirm your address to open your Duet account");
    }

    @Test
    void aForgottenPasswordIsResetByAMailedLinkThatWorksOnceAndEndsEarlierSignIns() throws Exception {
        String email = "rae-" + UUID.randomUUID() + "@duet.test";
        post(browser(), "/api/identity/accounts", signUp(email));
        HttpClient signedInHere = browser();
        post(signedInHere, "/api/identity/verifications", "{\"token\":\"" + link(mailsTo(email, 1).get(0)).group(2) + "\"}");
        assertThat(authorizeIn(signedInHere)).as("signed in at the issuer").startsWith(base() + "/?code=");
        BrowserSignIn.Tokens before = new BrowserSignIn(base()).signIn(email, PASSWORD);
        SMTP.purgeEmailFromAllMailboxes();

        HttpResponse<String> known = post(browser(), "/api/identity/password-resets", "{\"email\":\"" + email + "\"}");
        HttpResponse<String> unknown = post(browser(), "/api/identity/password-resets", "{\"email\":\"nobody-" + UUID.randomUUID() + "@duet.test\"}");

        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        MimeMessage mail = mailsTo(email, 1).get(0);
        assertThat(SMTP.getReceivedMessages()).as("nothing to an address without an account").hasSize(1);
        Matcher link = link(mail);
        assertThat(link.group(1)).isEqualTo("reset");

        HttpResponse<String> chosen = post(browser(), "/api/identity/passwords",
                "{\"token\":\"" + link.group(2) + "\",\"password\":\"a brand new passphrase\"}");

        assertThat(chosen.statusCode()).isEqualTo(204);
        assertThat(new BrowserSignIn(base()).signIn(email, "a brand new passphrase").accessToken()).isNotBlank();
        assertThatThrownBy(() -> new BrowserSignIn(base()).signIn(email, PASSWORD)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> new BrowserSignIn(base()).refresh(before.refreshToken())).as("earlier sign-ins end")
                .hasMessageContaining("400");
        assertThat(authorizeIn(signedInHere)).as("the issuer's own sign-in in another browser ends too").contains("/sign-in");
        assertThat(post(browser(), "/api/identity/passwords", "{\"token\":\"" + link.group(2)
                + "\",\"password\":\"yet another passphrase\"}").statusCode()).as("used once").isEqualTo(400);
    }

    @Test
    void anExpiredLinkOpensNothing() throws Exception {
        String email = "late-" + UUID.randomUUID() + "@duet.test";
        post(browser(), "/api/identity/accounts", signUp(email));
        String token = link(mailsTo(email, 1).get(0)).group(2);
        jdbc.sql("UPDATE pending_sign_up SET expires_at = :past").param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1))).update();

        assertThat(post(browser(), "/api/identity/verifications", "{\"token\":\"" + token + "\"}").statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> new BrowserSignIn(base()).signIn(email, PASSWORD)).isInstanceOf(AssertionError.class);
    }
}
