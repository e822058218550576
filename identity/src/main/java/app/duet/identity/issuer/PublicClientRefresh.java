package app.duet.identity.issuer;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Refresh tokens for the browser page, which is a public client (it cannot keep a secret).
 * Spring Authorization Server issues them only to confidential clients; here a public client that
 * is registered for the refresh grant gets one too, rotated on every use, so the access token can
 * stay short-lived without signing the person out every few minutes. The same client may revoke
 * its refresh token when the person signs out, so it cannot be used again.
 */
final class PublicClientRefresh {

    private PublicClientRefresh() {
    }

    private static final String PURPOSE = "duet_public_client_purpose";
    private static final String REFRESH = "refresh";
    private static final String REVOKE = "revoke";

    /**
     * Reads {@code grant_type=refresh_token&client_id=…}, or a revocation ({@code token=…&client_id=…}
     * at the revocation endpoint), without a secret, as a public client's request.
     */
    static AuthenticationConverter converter() {
        return (HttpServletRequest request) -> {
            boolean refresh = AuthorizationGrantType.REFRESH_TOKEN.getValue()
                    .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
            boolean revoke = request.getRequestURI().endsWith("/oauth2/revoke")
                    && request.getParameter(OAuth2ParameterNames.TOKEN) != null;
            if (!(refresh || revoke)
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getHeader("Authorization") != null) {
                return null;
            }
            String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
            return clientId == null ? null
                    : new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null,
                    Map.of(PURPOSE, refresh ? REFRESH : REVOKE));
        };
    }

    /** Accepts those requests for a registered public client allowed to refresh; leaves the rest to others. */
    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
                Object purpose = request.getAdditionalParameters().get(PURPOSE);
                if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod())
                        || !(REFRESH.equals(purpose) || REVOKE.equals(purpose))) {
                    return null;
                }
                RegisteredClient client = clients.findByClientId((String) request.getPrincipal());
                if (client == null
                        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                        || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                    throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
                }
                return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /** Issues a refresh token to any client registered for the refresh grant, public ones included. */
    static OAuth2TokenGenerator<OAuth2RefreshToken> generator() {
        SecureRandom random = new SecureRandom();
        return (OAuth2TokenContext context) -> {
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                    || !context.getRegisteredClient().getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                return null;
            }
            byte[] value = new byte[48];
            random.nextBytes(value);
            Instant issuedAt = Instant.now();
            return new OAuth2RefreshToken(Base64.getUrlEncoder().withoutPadding().encodeToString(value), issuedAt,
                    issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
        };
    }
}
