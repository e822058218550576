package app.duet.identity.issuer;

import app.duet.keys.KeptKeyColumn;
import app.duet.keys.KeptKeys;
import app.duet.keys.KeyEncryptionKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The issuer's RSA signing key, made once and kept in the database: tokens stay valid across a
 * restart and every issuer instance signs with the same key. The first instance to store one wins.
 * Its private half is kept wrapped by the key-encryption key, which is not in the database: a copy of
 * the database cannot sign a token.
 */
@Component
class SigningKeys implements KeptKeys {

    private final JdbcClient jdbc;
    private final KeyEncryptionKey wrapping;
    private final KeptKeyColumn column;

    SigningKeys(JdbcClient jdbc, KeyEncryptionKey wrapping) {
        this.jdbc = jdbc;
        this.wrapping = wrapping;
        this.column = new KeptKeyColumn(jdbc, wrapping, "signing_key", "key_id", "private_key");
    }


    @Override
    public String name() {
        return "the issuer's signing keys";
    }

    @Override
    public int wrapWithPrimary() {
        return column.wrapWithPrimary();
    }

    @Override
    public int notWrappedWithPrimary() {
        return column.notWrappedWithPrimary();
    }


    JWKSource<SecurityContext> jwkSource() {
        RSAKey key = stored().orElseGet(() -> {
            store(generate());
            return stored().orElseThrow();
        });
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    private Optional<RSAKey> stored() {
        return jdbc.sql("SELECT key_id, private_key, public_key FROM signing_key ORDER BY created_at LIMIT 1")
                .query((row, n) -> new RSAKey.Builder(publicKey(row.getString("public_key")))
                        .privateKey(privateKey(row.getString("key_id"), row.getString("private_key")))
                        .keyID(row.getString("key_id"))
                        .build())
                .optional();
    }

    private void store(KeyPair pair) {
        String keyId = UUID.randomUUID().toString();
        try {
            jdbc.sql("INSERT INTO signing_key (key_id, private_key, public_key, created_at) VALUES (:id, :private, :public, :at)")
                    .param("id", keyId)
                    .param("private", wrapping.wrap(pair.getPrivate().getEncoded(), keyId))
                    .param("public", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                    .param("at", Timestamp.from(Instant.now()))
                    .update();
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            // stored() picks the oldest key either way
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

    private static RSAPublicKey publicKey(String encoded) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException corrupt) {
            throw new IllegalStateException("The stored signing key cannot be read", corrupt);
        }
    }

    private RSAPrivateKey privateKey(String keyId, String kept) {
        byte[] encoded = column.open(kept, keyId);
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException corrupt) {
            throw new IllegalStateException("The stored signing key cannot be read", corrupt);
        }
    }
}
