package app.duet.identity.issuer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How the issuer presents itself. {@code issuer} is the public URL people's browsers use (tokens
 * carry it; resource servers check it); left empty, it follows each request's own URL.
 */
@ConfigurationProperties("duet.identity")
record IssuerProperties(String issuer,
                        @DefaultValue WebClient webClient,
                        @DefaultValue("10m") Duration accessTokenTtl,
                        @DefaultValue("12h") Duration refreshTokenTtl) {

    /**
     * The browser page, a public client: PKCE instead of a secret. It may be sent back to each of
     * {@code redirectUris} (127.0.0.1 ones match any port) and, with {@code servedAddress}, to the
     * page of whatever address this very server was reached at ({@link ServedAddress}): for
     * standalone, where the page and the issuer are one server.
     */
    record WebClient(@DefaultValue("duet-web") String clientId,
                     @DefaultValue({"http://localhost:8080/", "http://127.0.0.1:8080/"}) List<String> redirectUris,
                     @DefaultValue("false") boolean servedAddress) {
    }
}
