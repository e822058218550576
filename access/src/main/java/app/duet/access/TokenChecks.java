package app.duet.access;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Objects;

/**
 * How a service checks access tokens. Their signing keys come from the issuer's JWK set
 * ({@code duet.access.jwk-set-uri}, the usual case), a fixed public key
 * ({@code duet.access.public-key-location}, for tests), or, in standalone, the issuer living in the
 * same JVM. Every token must be unexpired, name {@code duet.access.issuer} when that is set, and be
 * an access token: it carries a {@code scope} (an ID token, which only says who someone is, does not).
 * A token's signature is checked once ({@link RememberedTokens}), its claims on every use.
 */
@Configuration(proxyBeanMethods = false)
class TokenChecks {

    /** About two people's tokens per couple in session at once, a few KB each. */
    private static final int MOST_REMEMBERED = 5_000;
    /** An access token lives ten minutes; its expiry is checked on every use all the same. */
    private static final Duration REMEMBERED_AT_MOST = Duration.ofMinutes(15);

    @Bean
    JwtDecoder jwtDecoder(@Value("${duet.access.jwk-set-uri:}") String jwkSetUri,
                          @Value("${duet.access.public-key-location:}") String publicKey,
                          @Value("${duet.access.issuer:}") String issuer,
                          ObjectProvider<JWKSource<SecurityContext>> issuerInThisJvm) throws IOException {
        NimbusJwtDecoder decoder;
        if (!jwkSetUri.isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        } else if (!publicKey.isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(read(new DefaultResourceLoader().getResource(publicKey))).build();
        } else {
            JWKSource<SecurityContext> keys = issuerInThisJvm.getIfAvailable();
            if (keys == null) {
                throw new IllegalStateException("Set duet.access.jwk-set-uri to the issuer's JWK set: "
                        + "without it there is no way to check access tokens.");
            }
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            processor.setJWTClaimsSetVerifier((claims, context) -> {
                // the validators below check the claims
            });
            decoder = new NimbusJwtDecoder(processor);
        }
        OAuth2TokenValidator<Jwt> basics = issuer.isBlank() ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(issuer);
        OAuth2TokenValidator<Jwt> claimRules = new DelegatingOAuth2TokenValidator<>(basics,
                new JwtClaimValidator<Object>("scope", Objects::nonNull));
        decoder.setJwtValidator(claimRules);
        return new RememberedTokens(decoder, claimRules, MOST_REMEMBERED, REMEMBERED_AT_MOST);
    }

    private static RSAPublicKey read(Resource pem) throws IOException {
        try (InputStream in = pem.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        }
    }
}
