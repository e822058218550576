package app.duet.identity.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Every error a browser can meet here is a Duet page, in Duet's words, with a way back to Duet:
 * the container's error page for a page (HTML) request, in place of Spring Boot's "Whitelabel"
 * one (other requests keep their problem documents), and the authorization endpoint's refusals
 * that cannot go back to the page (an unknown address, a broken link). Nothing of the request is
 * echoed into the page.
 */
@Controller
public class IssuerErrorPage {

    /** What went wrong, told to a person: a heading, a sentence, and what to do now. */
    enum Words {
        UNKNOWN_ADDRESS("Duet cannot sign you in at this address",
                "The sign-in was asked for from an address this Duet does not know as its own, so it was stopped here to keep your account safe.",
                "Open Duet at the address you usually use, and sign in there."),
        BROKEN_SIGN_IN("This sign-in link does not work",
                "It may be old, cut short, or opened from somewhere other than Duet.",
                "Go back to Duet and choose Sign in again."),
        NOT_FOUND("There is no such page",
                "The address may be mistyped, or the page has moved.",
                "Go back to Duet's start page."),
        REFUSED("That did not go through",
                "The page had been open for a long time, or the request did not come from Duet's own page.",
                "Go back, reload the page, and try once more."),
        TOO_MANY("Too many tries for now",
                "To keep accounts safe, Duet pauses after many tries in a row.",
                "Please wait a few minutes, then try again."),
        BAD_REQUEST("Duet could not follow that request",
                "Something in it was missing or not in the shape Duet expects.",
                "Go back to Duet and try again from its page."),
        FAILED("Something went wrong on our side",
                "Nothing you sent was half-saved.",
                "Please try again in a moment.");

        final String title;
        final String what;
        final String next;

        Words(String title, String what, String next) {
            this.title = title;
            this.what = what;
            this.next = next;
        }

        static Words forStatus(int status) {
            return switch (status) {
                case 404, 405 -> NOT_FOUND;
                case 401, 403 -> REFUSED;
                case 429 -> TOO_MANY;
                default -> status >= 500 ? FAILED : BAD_REQUEST;
            };
        }
    }

    @RequestMapping(path = "${server.error.path:${error.path:/error}}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> errorPage(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Words words = status == 400 && uri instanceof String path && path.startsWith("/oauth2/")
                ? Words.BROKEN_SIGN_IN : Words.forStatus(status);
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html(words));
    }

    /**
     * The authorization endpoint's refusals: back to the page with the error where the request
     * named a redirect URI that was accepted (as Spring Authorization Server does), else this page.
     */
    public static AuthenticationFailureHandler authorizationErrors() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
            OAuth2Error error = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError() : null;
            OAuth2AuthorizationCodeRequestAuthenticationToken authorization =
                    failure instanceof OAuth2AuthorizationCodeRequestAuthenticationException refused
                            ? refused.getAuthorizationCodeRequestAuthentication() : null;
            if (error != null && authorization != null && StringUtils.hasText(authorization.getRedirectUri())) {
                UriComponentsBuilder back = UriComponentsBuilder.fromUriString(authorization.getRedirectUri())
                        .queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
                if (StringUtils.hasText(authorization.getState())) {
                    back.queryParam(OAuth2ParameterNames.STATE, authorization.getState());
                }
                response.sendRedirect(back.encode().build().toUriString());
                return;
            }
            boolean address = error != null && error.getDescription() != null
                    && error.getDescription().contains(OAuth2ParameterNames.REDIRECT_URI);
            write(response, HttpStatus.BAD_REQUEST, address ? Words.UNKNOWN_ADDRESS : Words.BROKEN_SIGN_IN);
        };
    }

    static void write(HttpServletResponse response, HttpStatus status, Words words) throws IOException {
        response.setStatus(status.value());
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html(words));
    }

    static String html(Words words) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                    <meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <meta name="color-scheme" content="light dark">
                    <title>%1$s · Duet</title>
                    <link rel="stylesheet" href="/identity/sign-in.css">
                </head>
                <body>
                <main class="card" aria-labelledby="title">
                    <p class="brand" aria-hidden="true"><span></span><span></span></p>
                    <h1 id="title">%1$s</h1>
                    <p>%2$s</p>
                    <p>%3$s</p>
                    <p class="actions"><a class="button-link" href="/">Back to Duet</a></p>
                </main>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(words.title), HtmlUtils.htmlEscape(words.what),
                HtmlUtils.htmlEscape(words.next));
    }
}
