package app.duet.testing;

import app.duet.api.access.Role;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens for tests the way the issuer would, with a key the services under test are
 * told to trust ({@link #springProperties()}), and makes the bad ones an attacker would try.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.duet.test";

    private static final TestTokens TRUSTED = new TestTokens();

    private final KeyPair keys = generate();
    private final Path publicKeyPem = writePem(keys);

    private TestTokens() {
    }

    /** The one key pair every service in this JVM's tests trusts. */
    public static TestTokens trusted() {
        return TRUSTED;
    }

    /** A key the services do not trust: tokens from it are forgeries. */
    public static TestTokens untrusted() {
        return new TestTokens();
    }

    public List<String> springProperties() {
        return List.of("duet.access.jwk-set-uri=", "duet.access.public-key-location=file:" + publicKeyPem,
                "duet.access.issuer=" + ISSUER);
    }

    /** For {@code @DynamicPropertySource}: the Spring Boot test trusts this issuer's key. */
    public void trustIn(DynamicPropertyRegistry registry) {
        springProperties().forEach(property -> {
            String[] keyAndValue = property.split("=", 2);
            registry.add(keyAndValue[0], () -> keyAndValue[1]);
        });
    }

    public String partner(String accountId) {
        return token(accountId, Role.PARTNER, Duration.ofMinutes(10));
    }

    public String token(String accountId, Role role, Duration validFor) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(accountId)
                .claim("name", "Test " + role.name().toLowerCase())
                .claim("roles", List.of(role.name()))
                .claim("scope", "openid profile")
                .issueTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plus(validFor)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    /** An ID token: it names the person but grants nothing, so no service may take it as an access token. */
    public String idToken(String accountId) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder().issuer(ISSUER).subject(accountId).claim("name", "Someone")
                .claim("roles", List.of(Role.PARTNER.name())).audience("duet-web")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))).build());
    }

    /** Expired well beyond the checkers' minute of allowed clock skew. */
    public String expired(String accountId) {
        return token(accountId, Role.PARTNER, Duration.ofMinutes(-10));
    }

    /** A genuine token whose payload was then edited to claim another role: its signature no longer fits. */
    public String tampered(String accountId) {
        String[] parts = partner(accountId).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forgedPayload = payload.replace("\"PARTNER\"", "\"ADMIN\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forgedPayload.getBytes())
                + "." + parts[2];
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Path writePem(KeyPair keys) {
        try {
            Path pem = Files.createTempFile("duet-test-issuer", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return pem;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
