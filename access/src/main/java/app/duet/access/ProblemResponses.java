package app.duet.access;

import tools.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * Refusals of the security layer as RFC 9457 problems, like every other error: 401 says what is
 * wrong with the token (and keeps the standard WWW-Authenticate header), 403 what is missing.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        BearerTokenAuthenticationEntryPoint standard = new BearerTokenAuthenticationEntryPoint();
        return (request, response, failure) -> {
            standard.commence(request, response, failure);
            write(json, response, HttpStatus.UNAUTHORIZED, "Not signed in",
                    "A valid bearer token is needed: " + failure.getMessage());
        };
    }

    static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, denied) -> write(json, response, HttpStatus.FORBIDDEN, "Not allowed",
                denied.getMessage());
    }

    /**
     * A problem named by its rule, as the services' own problems are ({@code type} and {@code rule}),
     * written field by field: a bare ObjectMapper would nest ProblemDetail's extra properties.
     */
    static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title, String rule,
                      String detail) throws IOException {
        write(json, response, status, title, rule, detail, java.util.Map.of());
    }

    /** The same, with properties of its own besides (e.g. {@code retryAfterSeconds}). */
    public static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title, String rule,
                             String detail, java.util.Map<String, Object> more) throws IOException {
        if (rule == null) {
            write(json, response, status, title, detail);
            return;
        }
        java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", "https://duet.app/problems/" + rule);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("rule", rule);
        problem.putAll(more);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
