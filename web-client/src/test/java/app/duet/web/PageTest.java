package app.duet.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The page as web-client serves it: every script the browser will ask for is there. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=web-client")
class PageTest {

    private static final Pattern IMPORT_MAP_ENTRY = Pattern.compile("\"@stomp/stompjs\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RELATIVE_IMPORT = Pattern.compile("from\\s+'(\\.{1,2}/[^']+)'");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void rootServesThePageWithItsImportMap() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"importmap\">", "<script type=\"module\" src=\"/app.js\">",
                "aria-live=\"polite\"");
    }

    @Test
    void thePageAndItsFilesComeWithAStrictPolicyThatAllowsOnlyTheImportMapInline() throws Exception {
        for (String path : List.of("/", "/app.js", "/style.css", "/webjars/stomp__stompjs/esm6/index.js")) {
            HttpResponse<String> answer = get(path);
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(path).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                    "worker-src 'self' blob:", "connect-src 'self' ws://localhost:" + port).doesNotContain("unsafe");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).as("only over TLS").isEmpty();
            assertThat(answer.headers().firstValue("Cache-Control").orElse("")).as(path + " may be kept and revalidated")
                    .doesNotContain("no-store");
        }
        Matcher map = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(get("/").body());
        assertThat(map.find()).isTrue();
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(map.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(get("/").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self' 'sha256-" + hash + "';");
        assertThat(get("/").headers().allValues("Set-Cookie")).as("the page sets no cookie").isEmpty();
    }

    @Test
    void stompClientResolvesFromItsWebJarWithoutAVersionInThePath() throws Exception {
        Matcher entry = IMPORT_MAP_ENTRY.matcher(get("/").body());
        assertThat(entry.find()).isTrue();
        assertThat(entry.group(1)).isEqualTo("/webjars/stomp__stompjs/esm6/index.js");

        HttpResponse<String> stomp = get(entry.group(1));
        assertThat(stomp.statusCode()).isEqualTo(200);
        assertThat(stomp.body()).contains("export * from './client.js'");
        assertThat(get("/webjars/stomp__stompjs/esm6/client.js").body()).contains("export class Client");
    }

    @Test
    void everyModuleThePageImportsIsServed() throws Exception {
        Map<String, String> loaded = modules();

        assertThat(loaded).containsKeys("/app.js", "/js/auth.js", "/js/live.js", "/js/identity/signed-out.js",
                "/js/clinical/therapist.js", "/js/clinical/case.js", "/js/session/session.js", "/js/session/entries.js",
                "/js/consent/couple-therapists.js", "/js/audit/reads.js", "/js/clinical/safety.js", "/js/privacy/erase.js",
                "/js/analytics/analyst-screen.js", "/js/cycle/cycle-card.js", "/js/cycle/labels.js", "/js/exercise/exercise-card.js",
                "/js/exercise/guides.js");
        assertThat(get("/style.css").statusCode()).isEqualTo(200);
    }

    /** Where is homework? One folder name, the same as the api's package (STYLE.md, "A feature is a room"). */
    @Test
    void eachFeatureOfTheApiHasItsFolderOnThePage() throws Exception {
        Set<String> folders = modules().keySet().stream().filter(path -> path.startsWith("/js/"))
                .map(path -> path.substring("/js/".length())).filter(path -> path.contains("/"))
                .map(path -> path.substring(0, path.indexOf('/'))).collect(Collectors.toSet());

        assertThat(folders).contains("pairing", "consent", "privacy", "everyday", "lists", "clinical", "commitment",
                "session", "exercise", "cycle", "analytics", "audit");
        assertThat(folders).doesNotContain("screens");
    }

    /**
     * Feature folders depend on each other in one direction only, as the services' packages do: a
     * screen that composes others sits above them, and nothing they hold reaches back up to it.
     */
    @Test
    void featureFoldersImportEachOtherInOneDirection() throws Exception {
        Map<String, Set<String>> usedByFolder = new HashMap<>();
        modules().forEach((path, body) -> {
            String from = featureFolder(path);
            Matcher imports = RELATIVE_IMPORT.matcher(body);
            while (imports.find()) {
                String to = featureFolder(URI.create(path).resolve(imports.group(1)).getPath());
                if (from != null && to != null && !from.equals(to)) {
                    usedByFolder.computeIfAbsent(from, folder -> new java.util.TreeSet<>()).add(to);
                }
            }
        });

        assertThat(usedByFolder).as("the page's feature folders and the folders each imports from").isNotEmpty();
        for (String folder : usedByFolder.keySet()) {
            assertThat(reachableFrom(folder, usedByFolder)).as("folders %s leads back to itself through", folder)
                    .doesNotContain(folder);
        }
    }

    private static String featureFolder(String path) {
        String[] parts = path.split("/");
        return parts.length == 4 && parts[1].equals("js") ? parts[2] : null;
    }

    private static Set<String> reachableFrom(String folder, Map<String, Set<String>> usedByFolder) {
        Set<String> reached = new java.util.TreeSet<>();
        Deque<String> next = new ArrayDeque<>(usedByFolder.getOrDefault(folder, Set.of()));
        while (!next.isEmpty()) {
            String reachedFolder = next.pop();
            if (reached.add(reachedFolder)) {
                next.addAll(usedByFolder.getOrDefault(reachedFolder, Set.of()));
            }
        }
        return reached;
    }

    /** A module says one thing: none grows past about 400 lines (STYLE.md). */
    @Test
    void noModuleIsLongerThanFourHundredLines() throws Exception {
        modules().forEach((path, body) -> assertThat(body.lines().count()).as(path).isLessThanOrEqualTo(400));
    }

    @Test
    void nothingAPartnerWritesIsKeptInTheBrowsersLastingStorage() throws Exception {
        modules().forEach((path, body) -> assertThat(body).as(path).doesNotContain("localStorage", "indexedDB"));
    }

    @Test
    void tokensAreKeptPerTabAndNoModuleActsUnderAnIdentityOfItsOwn() throws Exception {
        assertThat(get("/js/auth.js").body()).contains("sessionStorage");
        for (String module : List.of("/app.js", "/js/auth.js", "/js/api.js", "/js/live.js", "/js/feed.js")) {
            assertThat(get(module).body()).as(module).doesNotContain("localStorage", "X-Duet-Partner");
        }
    }

    @Test
    void withoutTheEdgeNothingIsForwarded() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/commands/couples"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(404, 405);
    }

    /** Every module the page loads, from /app.js through its relative imports: path -> source. */
    private Map<String, String> modules() throws Exception {
        Deque<String> toLoad = new ArrayDeque<>(Set.of("/app.js"));
        Map<String, String> loaded = new HashMap<>();
        while (!toLoad.isEmpty()) {
            String path = toLoad.pop();
            if (loaded.containsKey(path)) {
                continue;
            }
            HttpResponse<String> module = get(path);
            assertThat(module.statusCode()).as(path).isEqualTo(200);
            assertThat(module.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
            loaded.put(path, module.body());
            Matcher imports = RELATIVE_IMPORT.matcher(module.body());
            while (imports.find()) {
                toLoad.push(URI.create(path).resolve(imports.group(1)).getPath());
            }
        }
        return loaded;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
