package app.duet.web.edge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=web-client")
class HttpEdgeTest {

    static final FakeService commandService = FakeService.start();
    static final FakeService queryService = FakeService.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("duet.edge.command-service-url", commandService::url);
        registry.add("duet.edge.query-service-url", queryService::url);
    }

    @AfterAll
    static void stopServices() {
        commandService.close();
        queryService.close();
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void commandIsPassedOnAsItCameAndItsAnswerComesBack() throws Exception {
        commandService.willAnswer(new FakeService.Answer(201, "application/json",
                "{\"coupleId\":\"c-1\",\"invitationCode\":\"K7Q-2M4\"}", Map.of("X-Trace", List.of("abc"))));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(edge("/api/commands/couples?source=page&x=%20y"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Robin\"}"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer token-1")
                .build(), HttpResponse.BodyHandlers.ofString());

        FakeService.Received received = commandService.lastRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.pathAndQuery()).isEqualTo("/api/commands/couples?source=page&x=%20y");
        assertThat(received.body()).isEqualTo("{\"displayName\":\"Robin\"}");
        assertThat(received.header("Authorization")).isEqualTo("Bearer token-1");
        assertThat(received.header("Content-Type")).isEqualTo("application/json");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"coupleId\":\"c-1\",\"invitationCode\":\"K7Q-2M4\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("X-Trace")).hasValue("abc");
    }

    @Test
    void queryGoesToQueryServiceAndItsRefusalIsRelayedAsIs() throws Exception {
        String problem = "{\"title\":\"Not found\",\"status\":404,\"detail\":\"No session s-9.\"}";
        queryService.willAnswer(new FakeService.Answer(404, "application/problem+json", problem, Map.of()));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(edge("/api/queries/sessions/s-9"))
                .header("Authorization", "Bearer token-2").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(queryService.lastRequest().method()).isEqualTo("GET");
        assertThat(queryService.lastRequest().pathAndQuery()).isEqualTo("/api/queries/sessions/s-9");
        assertThat(queryService.lastRequest().header("Authorization")).isEqualTo("Bearer token-2");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(problem);
    }

    @Test
    void emptyAnswerStaysEmpty() throws Exception {
        commandService.willAnswer(new FakeService.Answer(204, "application/json", "", Map.of()));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(edge("/api/commands/sessions/s-1/join"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer token-1").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(commandService.lastRequest().pathAndQuery()).isEqualTo("/api/commands/sessions/s-1/join");
        assertThat(commandService.lastRequest().body()).isEmpty();
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    private URI edge(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }
}
