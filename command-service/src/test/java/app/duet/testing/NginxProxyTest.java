package app.duet.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy compose runs (ops/nginx/routes.conf) from Debian's nginx, in front of two replicas of
 * command-service and of query-service, one issuer and one page server.
 */
class NginxProxyTest {

    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    FakeReplica command1;
    FakeReplica command2;
    FakeReplica query1;
    FakeReplica query2;
    FakeReplica identity;
    FakeReplica page;
    NginxProxy proxy;

    @BeforeEach
    void start() throws IOException {
        command1 = new FakeReplica("command-1");
        command2 = new FakeReplica("command-2");
        query1 = new FakeReplica("query-1");
        query2 = new FakeReplica("query-2");
        identity = new FakeReplica("identity");
        page = new FakeReplica("page");
        proxy = NginxProxy.start(NginxProxy.Upstreams.none()
                .withCommandService(command1.address(), command2.address())
                .withQueryService("http://" + query1.address(), "http://" + query2.address())
                .withIdentity(identity.address())
                .withWebClient(page.address()));
    }

    @AfterEach
    void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        for (FakeReplica replica : List.of(command1, command2, query1, query2, identity, page)) {
            replica.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "/api/commands/couples/c-1/sessions, command",
            "/api/queries/couples/c-1/overview?since=3, query",
            "/oauth2/authorize?response_type=code&client_id=duet-web, identity",
            "/oauth2/token, identity",
            "/.well-known/openid-configuration, identity",
            "/userinfo, identity",
            "/connect/logout, identity",
            "/sign-in, identity",
            "/sign-out, identity",
            "/identity/sign-in.js, identity",
            "/api/identity/csrf, identity",
            "/, page",
            "/js/api.js, page",
            "/webjars/stomp__stompjs/esm6/index.js, page"})
    void eachPathReachesItsServiceUnchanged(String path, String service) throws Exception {
        HttpResponse<String> answer = get(path, Map.of());

        assertThat(answer.statusCode()).as(proxy.errorLog()).isEqualTo(200);
        assertThat(answer.body()).startsWith(service);
        assertThat(everyReplica().stream().flatMap(replica -> replica.received().stream()))
                .extracting(FakeReplica.Received::path).containsExactly(path);
    }

    @Test
    void theServicesLearnTheAddressTheBrowserUsedAndNotWhatAClientClaims() throws Exception {
        get("/oauth2/authorize", Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-For", "203.0.113.9",
                "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443", "Forwarded", "for=203.0.113.9;host=evil.example"));

        FakeReplica.Received received = identity.received().get(0);
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + proxy.port());
        assertThat(received.header("X-Forwarded-Port")).isEqualTo(String.valueOf(proxy.port()));
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.header("Host")).isEqualTo("127.0.0.1:" + proxy.port());
        assertThat(received.headers()).doesNotContainKeys("forwarded", "upgrade");
    }

    @Test
    void requestsAreSpreadOverEveryReplicaInTurn() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(get("/api/queries/couples/c-1/overview", Map.of()).statusCode()).isEqualTo(200);
            assertThat(post("/api/commands/couples/c-1/bids", "{}").statusCode()).isEqualTo(200);
        }

        assertThat(query1.received()).hasSize(5);
        assertThat(query2.received()).hasSize(5);
        assertThat(command1.received()).hasSize(5);
        assertThat(command2.received()).hasSize(5);
    }

    @Test
    void aStoppedReplicaIsSkippedForTheOthers() throws Exception {
        query2.close();
        command2.close();

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> view = get("/api/queries/couples/c-1/overview", Map.of());
            assertThat(view.statusCode()).isEqualTo(200);
            assertThat(view.body()).isEqualTo("query-1");
            // Refused before anything was sent, so even a command is safely passed to the next replica.
            HttpResponse<String> done = post("/api/commands/couples/c-1/bids", "{}");
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).isEqualTo("command-1");
        }
        assertThat(query1.received()).hasSize(6);
        assertThat(command1.received()).hasSize(6);
    }

    @Test
    void webSocketsUpgradeThroughWsToQueryServiceAndSpreadOverItsReplicas() throws Exception {
        Echo first = new Echo();
        Echo second = new Echo();
        WebSocket one = connect(first);
        WebSocket two = connect(second);

        one.sendText("CONNECT", true);
        two.sendText("CONNECT", true);

        List<String> echoes = List.of(first.reply.get(5, TimeUnit.SECONDS), second.reply.get(5, TimeUnit.SECONDS));
        assertThat(echoes).containsExactlyInAnyOrder("query-1: CONNECT", "query-2: CONNECT");
        FakeReplica.Received handshake = query1.received().get(0);
        assertThat(handshake.path()).isEqualTo("/ws");
        assertThat(handshake.header("Upgrade")).isEqualToIgnoringCase("websocket");
        assertThat(handshake.header("Connection")).isEqualToIgnoringCase("upgrade");
        assertThat(handshake.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + proxy.port());
        one.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        two.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    }

    @Test
    void aBodyOverTheServicesLimitIsRefusedAtTheDoorAsAProblem() throws Exception {
        HttpResponse<String> answer = post("/api/commands/couples/c-1/entries", "x".repeat(70_000));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"status\":413");
        assertThat(command1.received()).isEmpty();
        assertThat(command2.received()).isEmpty();
    }

    @Test
    void aServiceWithNoReplicaLeftAnswersAProblemThePageCanShow() throws Exception {
        query1.close();
        query2.close();

        HttpResponse<String> answer = get("/api/queries/couples/c-1/overview", Map.of());

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"title\":\"Service unreachable\"");
    }

    @Test
    void metricsAndHealthStayInsideTheNetworkAndNoVersionIsAnnounced() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus", Map.of());
        for (String around : List.of("/actuator", "/actuator;x/prometheus", "/actuatorx")) {
            assertThat(get(around, Map.of()).statusCode()).as(around).isEqualTo(404);
        }

        assertThat(metrics.statusCode()).isEqualTo(404);
        assertThat(page.received()).isEmpty();
        assertThat(metrics.headers().firstValue("Server")).hasValue("nginx");
    }

    private List<FakeReplica> everyReplica() {
        return List.of(command1, command2, query1, query2, identity, page);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path));
        headers.forEach(request::header);
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private WebSocket connect(Echo listener) throws Exception {
        return browser.newWebSocketBuilder().buildAsync(URI.create(proxy.webSocketUrl()), listener).get(5, TimeUnit.SECONDS);
    }

    /** Keeps the first text message the replica sends back. */
    static final class Echo implements WebSocket.Listener {
        final CompletableFuture<String> reply = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            reply.complete(data.toString());
            webSocket.request(1);
            return null;
        }
    }
}
