package app.duet.identity.signin;

import app.duet.access.limits.RateLimitFilter;
import tools.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * The issuer's own sign-in form ({@code /identity/sign-in.html}) and what happens around its POST:
 * a locked address is refused before its password is even checked, and each answer is either a
 * redirect back to the form (a browser) or a problem document (a client that asks for JSON).
 */
@Component
@RestController
public class SignInPage {

    public static final String PATH = "/sign-in";

    private final SignInThrottle throttle;
    private final ObjectMapper json;

    SignInPage(SignInThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    /** The page's script reads this to post the form's CSRF token along. */
    @GetMapping("/api/identity/csrf")
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("parameterName", token.getParameterName(), "token", token.getToken());
    }

    public OncePerRequestFilter lockedAddressesFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("POST".equals(request.getMethod()) && PATH.equals(request.getServletPath())) {
                    java.time.Duration wait = throttle.waitFor(request.getParameter("email"), RateLimitFilter.source(request));
                    if (!wait.isZero()) {
                        response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
                        refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "locked",
                                "Too many wrong passwords from here. Please wait " + inWords(wait) + " before trying again.");
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    public AuthenticationFailureHandler onFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
            throttle.failed(request.getParameter("email"), RateLimitFilter.source(request));
            refuse(request, response, HttpStatus.UNAUTHORIZED, "wrong",
                    "That e-mail address and password do not match an account.");
        };
    }

    public AuthenticationSuccessHandler onSuccess() {
        SavedRequestAwareAuthenticationSuccessHandler backToWhereTheyWere = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            throttle.succeeded(request.getParameter("email"), RateLimitFilter.source(request));
            backToWhereTheyWere.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String reason,
                        String detail) throws IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setProperty("reason", reason);
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        } else {
            response.sendRedirect(request.getContextPath() + PATH + "?error=" + reason);
        }
    }

    private static String inWords(java.time.Duration wait) {
        long minutes = (wait.toSeconds() + 59) / 60;
        return wait.toSeconds() < 60 ? "a minute" : minutes + " minutes";
    }
}
