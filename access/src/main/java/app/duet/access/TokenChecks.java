package app.duet.access;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.converter.RsaKeyConverters;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;

/**
 * Where a service finds the keys that sign access tokens: the issuer's JWK set
 * ({@code duet.access.jwk-set-uri}, the usual case), or a fixed public key
 * ({@code duet.access.public-key-location}, for tests). Either way the token's issuer must be
 * {@code duet.access.issuer} when that is set. With neither, as in standalone, the issuer living
 * in the same JVM supplies the decoder itself.
 */
@Configuration(proxyBeanMethods = false)
class TokenChecks {

    @Bean
    @Conditional(KeysConfigured.class)
    JwtDecoder jwtDecoder(@Value("${duet.access.jwk-set-uri:}") String jwkSetUri,
                          @Value("${duet.access.public-key-location:}") Resource publicKey,
                          @Value("${duet.access.issuer:}") String issuer) throws IOException {
        NimbusJwtDecoder decoder = jwkSetUri.isBlank()
                ? NimbusJwtDecoder.withPublicKey(read(publicKey)).build()
                : NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(issuer.isBlank() ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    private static RSAPublicKey read(Resource pem) throws IOException {
        try (InputStream in = pem.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        }
    }

    static class KeysConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().getProperty("duet.access.jwk-set-uri", "").isBlank()
                    || !context.getEnvironment().getProperty("duet.access.public-key-location", "").isBlank();
        }
    }
}
