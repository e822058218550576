package app.duet.web.edge;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EdgePropertiesTest {

    @Test
    void queryServiceStompEndpointIsItsHostSpokenToAsWebSocket() {
        assertThat(edgeTo("http://localhost:8082").queryServiceWebSocketUrl())
                .isEqualTo(URI.create("ws://localhost:8082/ws"));
        assertThat(edgeTo("https://duet.example/query/").queryServiceWebSocketUrl())
                .isEqualTo(URI.create("wss://duet.example/query/ws"));
    }

    private static EdgeProperties edgeTo(String queryServiceUrl) {
        return new EdgeProperties(true, URI.create("http://localhost:8081"), URI.create(queryServiceUrl),
                URI.create("http://localhost:9000"), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
}
