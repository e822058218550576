package app.duet.web.edge;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

/**
 * Passes {@code /api/commands/**} to command-service, {@code /api/queries/**} to query-service and
 * the token issuer's paths to identity, as they are: method, path, query, headers (cookies too) and
 * body in; status, headers (Set-Cookie and Location too) and body back. Redirects are passed on,
 * never followed. The X-Forwarded headers tell the service the address the browser used, so the
 * redirects it writes (the issuer's, to its sign-in page and back) point there, not at the edge's
 * view of it.
 */
@RestController
@ConditionalOnProperty(prefix = "duet.edge", name = "enabled", havingValue = "true")
class HttpEdge {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(HttpEdge.class);

    /** Headers that describe one connection, not the message: each hop sets its own. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "expect");

    /** Set by the edge from what it saw itself; a browser's own values are not passed on. */
    private static final Set<String> FORWARDED = Set.of("forwarded", "x-forwarded-host", "x-forwarded-proto",
            "x-forwarded-port", "x-forwarded-for", "x-forwarded-prefix");

    private final HttpClient http;
    private final EdgeProperties edge;

    HttpEdge(HttpClient http, EdgeProperties edge) {
        this.http = http;
        this.edge = edge;
    }

    @RequestMapping("/api/commands/**")
    ResponseEntity<?> toCommandService(HttpServletRequest request) throws IOException {
        return forward(request, edge.commandServiceUrl(), "command service");
    }

    @RequestMapping("/api/queries/**")
    ResponseEntity<?> toQueryService(HttpServletRequest request) throws IOException {
        return forward(request, edge.queryServiceUrl(), "query service");
    }

    /** The issuer: OAuth 2 and OpenID Connect endpoints, its sign-in and sign-out, its page's assets, sign-up. */
    @RequestMapping({"/oauth2/**", "/.well-known/**", "/userinfo", "/connect/**", "/sign-in", "/sign-out",
            "/identity/**", "/api/identity/**"})
    ResponseEntity<?> toIdentity(HttpServletRequest request) throws IOException {
        return forward(request, edge.identityUrl(), "identity service");
    }

    private ResponseEntity<?> forward(HttpServletRequest incoming, URI service, String serviceName)
            throws IOException {
        if (incoming.getContentLengthLong() > MAX_BODY_BYTES) {
            return ResponseEntity.of(tooLarge()).build();
        }
        byte[] body = incoming.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            return ResponseEntity.of(tooLarge()).build();
        }
        HttpRequest outgoing = toService(incoming, service, body);
        try {
            HttpResponse<byte[]> answer = http.send(outgoing, HttpResponse.BodyHandlers.ofByteArray());
            HttpHeaders headers = new HttpHeaders();
            answer.headers().map().forEach((name, values) -> {
                if (isEndToEnd(name)) {
                    headers.addAll(name, values);
                }
            });
            return ResponseEntity.status(answer.statusCode()).headers(headers).body(answer.body());
        } catch (IOException unreachable) {
            log.warn("The {} at {} did not answer {} {}: {}", serviceName, service, incoming.getMethod(),
                    incoming.getRequestURI(), unreachable.toString());
            return ResponseEntity.of(unreachable(serviceName)).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return ResponseEntity.of(unreachable(serviceName)).build();
        }
    }

    private HttpRequest toService(HttpServletRequest incoming, URI service, byte[] body) {
        String query = incoming.getQueryString() == null ? "" : "?" + incoming.getQueryString();
        String base = service.toString().replaceAll("/+$", "");
        HttpRequest.Builder outgoing = HttpRequest.newBuilder(URI.create(base + incoming.getRequestURI() + query))
                .timeout(edge.requestTimeout())
                .method(incoming.getMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : Collections.list(incoming.getHeaderNames())) {
            if (isEndToEnd(name) && !FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                Collections.list(incoming.getHeaders(name)).forEach(value -> outgoing.header(name, value));
            }
        }
        boolean defaultPort = incoming.getServerPort() == ("https".equals(incoming.getScheme()) ? 443 : 80);
        return outgoing
                .header("X-Forwarded-Proto", incoming.getScheme())
                .header("X-Forwarded-Host", incoming.getServerName() + (defaultPort ? "" : ":" + incoming.getServerPort()))
                .header("X-Forwarded-Port", String.valueOf(incoming.getServerPort()))
                .header("X-Forwarded-For", incoming.getRemoteAddr())
                .build();
    }

    private static boolean isEndToEnd(String headerName) {
        // ":status" appears only if a service ever answered over HTTP/2; it is never a real header.
        return !headerName.startsWith(":") && !HOP_BY_HOP.contains(headerName.toLowerCase(Locale.ROOT));
    }

    /** The edge holds a body in memory before passing it on: it never takes more than the services accept. */
    private static ProblemDetail tooLarge() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "A request body may be at most " + MAX_BODY_BYTES + " bytes.");
        problem.setTitle("Request too large");
        return problem;
    }

    private static ProblemDetail unreachable(String serviceName) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "Duet cannot reach its " + serviceName + " just now. Please try again in a moment.");
        problem.setTitle("Service unreachable");
        return problem;
    }
}
