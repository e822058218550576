package app.duet.web.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where the edge sends what the page asks for: commands, queries, and the token issuer's pages and
 * endpoints. Off in {@code standalone}, where every endpoint already answers in the same JVM.
 */
@ConfigurationProperties("duet.edge")
public record EdgeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("http://localhost:8081") URI commandServiceUrl,
        @DefaultValue("http://localhost:8082") URI queryServiceUrl,
        @DefaultValue("http://localhost:9000") URI identityUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration requestTimeout) {

    /** query-service's STOMP endpoint: the same host, spoken to as WebSocket. */
    public URI queryServiceWebSocketUrl() {
        String scheme = "https".equals(queryServiceUrl.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + queryServiceUrl.getRawAuthority() + withoutTrailingSlash(queryServiceUrl) + "/ws");
    }

    private static String withoutTrailingSlash(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
