package app.duet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends partners' commands over real HTTP, as the web page does, and fails loudly on any rejection. */
public final class CommandClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public CommandClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public JsonNode post(String partnerId, String path, String body) {
        HttpResponse<String> response = send(partnerId, path, body);
        if (response.statusCode() >= 300) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException unreadable) {
            throw new AssertionError(path + " answered unreadable JSON", unreadable);
        }
    }

    /** Sends a command and returns the raw answer, for tests that expect a rejection. */
    public HttpResponse<String> send(String partnerId, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("X-Duet-Partner", partnerId)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(path + " failed", failed);
        }
    }

    public JsonNode get(String path) {
        try {
            return JSON.readTree(getText(path));
        } catch (IOException unreadable) {
            throw new AssertionError(path + " answered unreadable JSON", unreadable);
        }
    }

    public String getText(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(path + " failed", failed);
        }
    }

    /** A couple of two paired partners with a running session both have joined; returns its ids. */
    public PairedSession pairAndJoinSession(String first, String second) {
        JsonNode couple = post(first, "/api/commands/couples", "{\"displayName\":\"Alex\"}");
        String coupleId = couple.get("coupleId").asText();
        post(second, "/api/commands/couples/join",
                "{\"invitationCode\":\"" + couple.get("invitationCode").asText() + "\",\"displayName\":\"Sam\"}");
        String sessionId = post(first, "/api/commands/couples/" + coupleId + "/sessions",
                "{\"exercise\":\"CHECK_IN\"}").get("sessionId").asText();
        post(first, "/api/commands/sessions/" + sessionId + "/join", null);
        post(second, "/api/commands/sessions/" + sessionId + "/join", null);
        return new PairedSession(coupleId, sessionId);
    }

    public record PairedSession(String coupleId, String sessionId) {
    }
}
