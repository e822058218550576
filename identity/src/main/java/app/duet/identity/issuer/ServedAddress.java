package app.duet.identity.issuer;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where the issuer and the page are one server (standalone), the page may be sent back to the
 * address it was served from, whatever name reached it: {@code localhost}, {@code 127.0.0.1}, the
 * machine's name on the home network. Not a wildcard: the redirect must be this server's own page
 * ({@code /}) at the very scheme, host and port this request came in on, and that port must be the
 * one the server listens on. A host that a proxy forwarded counts only from a trusted proxy (the
 * servlet container's remote-IP handling marks such requests; from anyone else the header is
 * ignored), so a forged {@code X-Forwarded-Host} sends no code anywhere. Any other redirect URI
 * must be one of the configured ones, checked as Spring Authorization Server always does.
 */
final class ServedAddress {

    /** Set by Tomcat's remote-IP handling on a request it took from a trusted proxy. */
    static final String FORWARDED_BY_TRUSTED_PROXY = "org.apache.tomcat.request.forwarded";

    private ServedAddress() {
    }

    /** The scope check as usual; the redirect URI accepted when it is the page this request was served from. */
    static Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> validator(boolean acceptServedAddress) {
        Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> redirect = context -> {
            OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
            if (!(acceptServedAddress && isOwnPage(request.getRedirectUri(), currentRequest()))) {
                OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR.accept(context);
            }
        };
        return OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR.andThen(redirect);
    }

    static boolean isOwnPage(String redirectUri, HttpServletRequest request) {
        if (redirectUri == null || request == null) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException malformed) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
                || !"/".equals(uri.getRawPath()) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        boolean forwarded = Boolean.TRUE.equals(request.getAttribute(FORWARDED_BY_TRUSTED_PROXY));
        return scheme.equals(request.getScheme())
                && bare(uri.getHost()).equalsIgnoreCase(bare(request.getServerName()))
                && port == request.getServerPort()
                && (forwarded || port == request.getLocalPort());
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
