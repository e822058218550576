package app.duet.identity;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Walks the issuer's sign-in exactly as the page does in a browser: authorization request with
 * PKCE, the sign-in form (with its CSRF token and session cookie), the redirect back with a code,
 * and the code exchanged for tokens. Also opens accounts and refreshes tokens.
 */
public final class BrowserSignIn {

    public record Tokens(String accessToken, String refreshToken, String idToken) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "duet-web";

    private final String base;
    private final String redirectUri;

    /** @param base the issuer as http://127.0.0.1:PORT (the page's redirect URI is registered there, any port) */
    public BrowserSignIn(String base) {
        this.base = base;
        this.redirectUri = base + "/";
    }

    public JsonNode signUp(String email, String password, String displayName, String role) {
        HttpResponse<String> created = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(base + "/api/identity/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("email", email, "password", password,
                        "displayName", displayName, "role", role)))).build());
        if (created.statusCode() != 201) {
            throw new AssertionError("sign-up answered " + created.statusCode() + ": " + created.body());
        }
        return read(created.body());
    }

    public Tokens signIn(String email, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomUrlSafe(48);
        String authorize = base + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", CLIENT,
                "redirect_uri", redirectUri, "scope", "openid profile", "state", "s1",
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> toSignIn = send(browser, HttpRequest.newBuilder(URI.create(authorize))
                .header("Accept", "text/html").build());
        expectRedirect(toSignIn, "/sign-in");
        String csrf = read(send(browser, HttpRequest.newBuilder(URI.create(base + "/api/identity/csrf")).build()).body())
                .get("token").asString();
        HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("email", email, "password", password, "_csrf", csrf))))
                .build());
        String backToAuthorize = expectRedirect(signedIn, "/oauth2/authorize");
        HttpResponse<String> withCode = send(browser, HttpRequest.newBuilder(URI.create(absolute(backToAuthorize)))
                .header("Accept", "text/html").build());
        String callback = expectRedirect(withCode, redirectUri);
        String code = query(URI.create(callback)).get("code");
        return tokens(form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "client_id", CLIENT, "code_verifier", verifier)));
    }

    /** Trades the code in the issuer's redirect back to the page for tokens, as the page does. */
    public static Tokens exchange(String base, String redirectWithCode, String redirectUri, String verifier) {
        String code = query(URI.create(redirectWithCode)).get("code");
        return new BrowserSignIn(base).tokens(form(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "client_id", CLIENT, "code_verifier", verifier)));
    }

    public Tokens refresh(String refreshToken) {
        return tokens(form(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", CLIENT)));
    }

    /** Revokes a refresh token as the page does when its person signs out; returns the status. */
    public int revoke(String refreshToken) {
        return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(base + "/oauth2/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", refreshToken,
                        "token_type_hint", "refresh_token", "client_id", CLIENT)))).build()).statusCode();
    }

    /** Posts the sign-in form once, as a script would, and returns the raw answer. */
    public HttpResponse<String> postSignInForm(String email, String password, String accept) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf = read(send(browser, HttpRequest.newBuilder(URI.create(base + "/api/identity/csrf")).build()).body())
                .get("token").asString();
        return send(browser, HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("email", email, "password", password, "_csrf", csrf))))
                .build());
    }

    private Tokens tokens(String requestBody) {
        HttpResponse<String> answer = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody)).build());
        if (answer.statusCode() != 200) {
            throw new AssertionError("token endpoint answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode tokens = read(answer.body());
        return new Tokens(tokens.path("access_token").asString(null), tokens.path("refresh_token").asString(null),
                tokens.path("id_token").asString(null));
    }

    private String absolute(String location) {
        return location.startsWith("http") ? location : base + location;
    }

    private static String expectRedirect(HttpResponse<String> response, String expected) {
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !location.contains(expected)) {
            throw new AssertionError("expected a redirect to " + expected + ", got " + response.statusCode() + " "
                    + location + " " + response.body());
        }
        return location;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(request.uri() + " failed", failed);
        }
    }

    private static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JacksonException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException unreadable) {
            throw new AssertionError("not JSON: " + body, unreadable);
        }
    }
}
