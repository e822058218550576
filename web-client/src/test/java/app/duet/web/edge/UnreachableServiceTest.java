package app.duet.web.edge;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=web-client")
class UnreachableServiceTest {

    @DynamicPropertySource
    static void servicesThatAreDown(DynamicPropertyRegistry registry) {
        registry.add("duet.edge.command-service-url", () -> "http://localhost:" + closedPort());
        registry.add("duet.edge.query-service-url", () -> "http://localhost:" + closedPort());
    }

    @LocalServerPort
    int port;

    @Test
    void serviceThatCannotBeReachedIsABadGatewayProblem() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/commands/couples"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Robin\"}"))
                        .header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(502);
        assertThat(problem.path("title").asString()).isEqualTo("Service unreachable");
        assertThat(problem.path("detail").asString()).contains("command service");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/commands/couples");
    }

    /** A port nothing listens on: taken from the system, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
