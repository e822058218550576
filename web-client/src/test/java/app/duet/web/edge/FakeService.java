package app.duet.web.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A stand-in for a service behind the edge: remembers the last request, answers what it is told. */
final class FakeService implements AutoCloseable {

    record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> String.join(",", entry.getValue()))
                    .findFirst().orElse(null);
        }
    }

    /** What to answer; each header may have several values (two Set-Cookie lines, say). */
    record Answer(int status, String contentType, String body, Map<String, List<String>> headers) {
    }

    private final HttpServer server;
    private final AtomicReference<Received> received = new AtomicReference<>();
    private volatile Answer answer = new Answer(200, "application/json", "{}", Map.of());

    private FakeService() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeService start() {
        return new FakeService();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    void willAnswer(Answer next) {
        answer = next;
    }

    Received lastRequest() {
        return received.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Answer next = answer;
        byte[] body = next.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", next.contentType());
        next.headers().forEach((name, values) -> values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
        exchange.sendResponseHeaders(next.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
