package app.duet.query.security;

import app.duet.identity.BrowserSignIn;
import app.duet.keys.KeyEncryptionKey;
import app.duet.query.live.ViewPublisher;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static app.duet.query.security.AttackKit.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Attacks on what lies around the rules: keys kept with the data, the issuer's pages and passwords,
 * ids that give away what exists, and a couple's own copy of their data.
 */
final class ProductionAttacks {

    private ProductionAttacks() {
    }

    static void tryAll(AttackKit kit) {
        keysKeptWithTheData(kit);
        theIssuersPages(kit);
        passwordsAndSignIns(kit);
        probingIds(kit);
        ownCopies(kit);
        limits(kit);
    }

    private static void limits(AttackKit kit) {
        kit.inClass("limits");
        String many = ISSUER.partner(UUID.randomUUID().toString());
        kit.attack("one account opens an eleventh live connection", () -> {
            List<StompTestClient> tabs = new java.util.ArrayList<>();
            try {
                for (int tab = 0; tab < 10; tab++) {
                    tabs.add(StompTestClient.connect(ws, many));
                }
                assertThatThrownBy(() -> StompTestClient.connect(ws, many))
                        .isInstanceOfAny(java.util.concurrent.ExecutionException.class, java.util.concurrent.TimeoutException.class);
            } finally {
                tabs.forEach(StompTestClient::close);
            }
        });
        kit.attack("one connection subscribes fifty-one times", () -> {
            try (StompTestClient screen = StompTestClient.connect(ws, ISSUER.partner(ALEX))) {
                for (int subscription = 0; subscription < 51; subscription++) {
                    screen.subscribe(sessionTopic());
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> !screen.errors().isEmpty() || screen.isShut());
            }
        });
        kit.refusedFlood("a flood of commands from one account beyond its rate");
    }

    private static void keysKeptWithTheData(AttackKit kit) {
        kit.inClass("keys outside the data");
        JdbcClient events = product.commandSide.getBean(JdbcClient.class);
        kit.attack("a copy of the event database holds a couple's data key in the clear", () ->
                assertThat(events.sql("SELECT key_material FROM couple_key WHERE couple_id = ?").params(coupleA.coupleId())
                        .query(String.class).single()).startsWith(KeyEncryptionKey.WRAPPED).hasSizeGreaterThan(60));
        kit.attack("a copy of the accounts database holds the issuer's private key in the clear", () ->
                assertThat(product.identity.getBean(JdbcClient.class).sql("SELECT private_key FROM signing_key")
                        .query(String.class).list()).isNotEmpty().allMatch(KeyEncryptionKey::isWrapped));
        kit.attack("a couple's wrapped key, moved onto another couple's row, opens", () -> {
            String wrapped = events.sql("SELECT key_material FROM couple_key WHERE couple_id = ?").params(coupleA.coupleId())
                    .query(String.class).single();
            KeyEncryptionKey key = product.commandSide.getBean(KeyEncryptionKey.class);
            assertThatThrownBy(() -> key.unwrap(wrapped, UUID.randomUUID().toString())).isInstanceOf(IllegalStateException.class);
        });
        kit.attack("the key-encryption key or the erasure ledger is in the database", () ->
                assertThat(events.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) LIKE '%kek%' "
                        + "OR LOWER(table_name) LIKE '%ledger%' AND LOWER(table_name) <> 'item_ledger'").query(Long.class).single()).isZero());
    }

    private static void theIssuersPages(AttackKit kit) {
        kit.inClass("page headers");
        String issuer = ProductOnH2.baseUrl(product.identity);
        kit.attack("the sign-in page is framed by another site", () -> {
            HttpResponse<String> page = get(issuer + "/sign-in");
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        });
        kit.attack("the sign-in page runs a script injected inline", () ->
                assertThat(get(issuer + "/sign-in").headers().firstValue("Content-Security-Policy").orElseThrow())
                        .contains("script-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval"));
        kit.attack("a mailed link's token leaks through the referrer", () ->
                assertThat(get(issuer + "/identity/reset.html").headers().firstValue("Referrer-Policy")).hasValue("no-referrer"));
        kit.attack("the issuer's browser is sniffed into running a file as a script", () ->
                assertThat(get(issuer + "/identity/sign-in.css").headers().firstValue("X-Content-Type-Options")).hasValue("nosniff"));
    }

    private static void passwordsAndSignIns(AttackKit kit) {
        kit.inClass("issuer");
        kit.refusedPasswordGuessing("repeated wrong passwords from one source");
        BrowserSignIn browser = new BrowserSignIn(ProductOnH2.baseUrl(product.identity));
        for (String weak : List.of("aaaaaaaaaa", "1234567890", "password12", "qwertyuiop!", "Welcome2024")) {
            kit.attack("an account opened with the password " + weak, () -> assertThatThrownBy(() ->
                    browser.signUp("weak-" + UUID.randomUUID() + "@duet.test", weak, "Wes", "PARTNER"))
                    .hasMessageContaining("400").hasMessageContaining("\"field\":\"password\""));
        }
        kit.attack("a password past bcrypt's 72 bytes breaks sign-up", () -> assertThatThrownBy(() ->
                browser.signUp("long-" + UUID.randomUUID() + "@duet.test", "kettle orbit violin ".repeat(5), "Lin", "PARTNER"))
                .hasMessageContaining("400").hasMessageNotContaining("500"));
        String email = "reuse-" + UUID.randomUUID() + "@duet.test";
        browser.signUp(email, "correct horse battery", "Ren", "PARTNER");
        kit.attack("a refresh token already traded in is used again", () -> {
            BrowserSignIn.Tokens first = browser.signIn(email, "correct horse battery");
            BrowserSignIn.Tokens second = browser.refresh(first.refreshToken());
            assertThatThrownBy(() -> browser.refresh(first.refreshToken())).hasMessageContaining("400");
            assertThatThrownBy(() -> browser.refresh(second.refreshToken())).as("the whole sign-in ended").hasMessageContaining("400");
        });
        kit.attack("a password with anything after the real one's 72 bytes signs in", () -> {
            String real = "kettle orbit violin ".repeat(4).substring(0, 72);
            String longEmail = "prefix-" + UUID.randomUUID() + "@duet.test";
            browser.signUp(longEmail, real, "Pri", "PARTNER");
            assertThat(browser.postSignInForm(longEmail, real + "anything", "application/json").statusCode()).isEqualTo(401);
        });
    }

    private static void probingIds(AttackKit kit) {
        kit.inClass("probing ids");
        String nowhere = UUID.randomUUID().toString();
        String robin = ISSUER.partner(ROBIN);
        for (String path : List.of("/api/queries/couples/%s", "/api/queries/sessions/%s", "/api/queries/sessions/%s/presence",
                "/api/queries/couples/%s/cycle-state")) {
            String id = path.contains("sessions") ? coupleA.sessionId() : coupleA.coupleId();
            kit.attack("telling an existing id from none by reading " + path, () -> {
                HttpResponse<String> theirs = queries.getWithToken(robin, path.formatted(id));
                HttpResponse<String> none = queries.getWithToken(robin, path.formatted(nowhere));
                assertThat(theirs.statusCode()).isEqualTo(none.statusCode()).isEqualTo(403);
                assertThat(withoutInstance(theirs.body())).isEqualTo(withoutInstance(none.body()));
            });
        }
        kit.attack("telling an existing session from none by a command", () -> {
            HttpResponse<String> theirs = commands.send(ROBIN, sessionPath() + "/join", null);
            HttpResponse<String> none = commands.send(ROBIN, "/api/commands/sessions/" + nowhere + "/join", null);
            assertThat(theirs.statusCode()).isEqualTo(none.statusCode()).isEqualTo(403);
            assertThat(withoutInstance(theirs.body())).isEqualTo(withoutInstance(none.body()));
        });
        kit.attack("telling an existing session from none by a subscription's ERROR frame", () ->
                assertThat(refusal(robin, sessionTopic())).isEqualTo(refusal(robin, ViewPublisher.SESSION_TOPIC + nowhere)));
        kit.attack("a field named twice in a JSON body, read as its last copy", () -> {
            HttpResponse<String> answer = commands.send(SAM, sessionPath() + "/bids", "{\"words\":\"a\",\"words\":\"b\"}");
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("\"field\":\"words\"");
        });
    }

    private static void ownCopies(AttackKit kit) {
        kit.inClass("own copy");
        String copy = "/api/queries/couples/" + coupleA.coupleId() + "/my-copy";
        kit.refusedRead("a partner of another couple downloads this couple's copy", ISSUER.partner(ROBIN), copy, 403);
        kit.refusedRead("the therapist downloads a partner's copy", kit.therapist, copy, 403);
        kit.refusedRead("an analyst downloads a partner's copy", kit.analyst, copy, 403);
        kit.attack("a partner's copy holds the other partner's draft or kept list item", () ->
                assertThat(queries.getAs(ISSUER.partner(SAM), copy).body()).doesNotContain(DRAFT, LIST_ITEM, NOTE, CONCERN));
    }

    private static List<String> refusal(String bearer, String topic) throws Exception {
        try (StompTestClient screen = StompTestClient.connect(ws, bearer)) {
            screen.subscribe(topic);
            await().atMost(Duration.ofSeconds(10)).until(() -> !screen.errors().isEmpty());
            return screen.errors().stream().map(error -> error.replace(topic, "")).toList();
        }
    }

    private static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\",?", "");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
