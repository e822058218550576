package app.duet.testing;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Function;

/** Sends partners' commands over real HTTP, as the web page does, and fails loudly on any rejection. */
public final class CommandClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Function<String, String> bearerFor;

    /** @param bearerFor the access token to send for a person, by account id */
    public CommandClient(String baseUrl, Function<String, String> bearerFor) {
        this.baseUrl = baseUrl;
        this.bearerFor = bearerFor;
    }

    /** Signs every person's requests with the test issuer's key, as partners. */
    public CommandClient(String baseUrl) {
        this(baseUrl, TestTokens.trusted()::partner);
    }

    public JsonNode post(String partnerId, String path, String body) {
        HttpResponse<String> response = send(partnerId, path, body);
        if (response.statusCode() >= 300) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (JacksonException unreadable) {
            throw new AssertionError(path + " answered unreadable JSON", unreadable);
        }
    }

    /** Sends a command and returns the raw answer, for tests that expect a rejection. */
    public HttpResponse<String> send(String accountId, String path, String body) {
        return sendWithToken(bearerFor.apply(accountId), path, body);
    }

    /** POST with an Idempotency-Key, as the page sends every command and its retry. */
    public HttpResponse<String> sendWithKey(String accountId, String path, String body, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerFor.apply(accountId))
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(path + " failed", failed);
        }
    }

    /** PUT, for commands that write a whole thing again (a draft). */
    public HttpResponse<String> sendPut(String accountId, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerFor.apply(accountId))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(path + " failed", failed);
        }
    }

    /** Sends with exactly this bearer token (or none, when null): for tests of bad tokens. */
    public HttpResponse<String> sendWithToken(String bearer, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        HttpRequest request = builder
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(path + " failed", failed);
        }
    }

    /** Reads a view as this person. */
    public JsonNode get(String accountId, String path) {
        try {
            return JSON.readTree(getAs(bearerFor.apply(accountId), path).body());
        } catch (JacksonException unreadable) {
            throw new AssertionError(path + " answered unreadable JSON", unreadable);
        }
    }

    /**
     * Every item of a growing list of a view: the view over REST holds only the newest ones, the rest
     * come a page at a time from {@code viewPath/lists/list}. In the list's order.
     */
    public java.util.List<JsonNode> allItems(String accountId, String viewPath, String list) {
        java.util.List<JsonNode> items = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = get(accountId, viewPath + "/lists/" + list + "?page=" + page + "&size=100");
            // Page 0 holds the newest items; each page keeps the list's own order.
            java.util.List<JsonNode> onPage = new java.util.ArrayList<>();
            answer.path("items").forEach(onPage::add);
            items.addAll(answer.path("newestFirst").asBoolean() ? items.size() : 0, onPage);
            if (!answer.path("more").asBoolean()) {
                return items;
            }
        }
    }

    /** GET with exactly this bearer token (or none, when null); fails on anything but success. */
    public HttpResponse<String> getAs(String bearer, String path) {
        HttpResponse<String> response = getWithToken(bearer, path);
        if (response.statusCode() >= 300) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    public HttpResponse<String> getWithToken(String bearer, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(path + " failed", failed);
        }
    }

    /** Public endpoints such as metrics: no token. */
    public String getText(String path) {
        return getAs(null, path).body();
    }

    /** A couple of two paired partners with a running session both have joined; returns its ids. */
    public PairedSession pairAndJoinSession(String first, String second) {
        JsonNode couple = post(first, "/api/commands/couples", "{\"displayName\":\"Alex\"}");
        String coupleId = couple.get("coupleId").asString();
        post(second, "/api/commands/couples/join",
                "{\"invitationCode\":\"" + couple.get("invitationCode").asString() + "\",\"displayName\":\"Sam\"}");
        String sessionId = post(first, "/api/commands/couples/" + coupleId + "/sessions",
                "{\"exercise\":\"CHECK_IN\"}").get("sessionId").asString();
        post(first, "/api/commands/sessions/" + sessionId + "/join", null);
        post(second, "/api/commands/sessions/" + sessionId + "/join", null);
        return new PairedSession(coupleId, sessionId);
    }

    public record PairedSession(String coupleId, String sessionId) {
    }
}
