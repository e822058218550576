package app.duet.eventstore.privacy;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM for one text field (or one snapshot): a fresh 96-bit nonce each time, stored in front
 * of the ciphertext. Looking a cipher up ({@code Cipher.getInstance}) costs more than using it, so each
 * thread keeps one and initialises it anew, with the key and a new nonce, for every use.
 */
final class FieldCipher {

    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("AES/GCM is not available", missing);
        }
    });

    private FieldCipher() {
    }

    static String encrypt(SecretKey key, String text) {
        return PREFIX + Base64.getEncoder().encodeToString(seal(key, text.getBytes(StandardCharsets.UTF_8), null));
    }

    static String decrypt(SecretKey key, String stored) {
        return new String(open(key, Base64.getDecoder().decode(stored.substring(PREFIX.length())), null),
                StandardCharsets.UTF_8);
    }

    static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Nonce and ciphertext of {@code plain}; {@code bound}, when given, must be given again to open it. */
    static byte[] seal(SecretKey key, byte[] plain, byte[] bound) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            if (bound != null) {
                cipher.updateAAD(bound);
            }
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException broken) {
            throw new IllegalStateException("Could not encrypt personal data", broken);
        }
    }

    static byte[] open(SecretKey key, byte[] sealed, byte[] bound) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            if (bound != null) {
                cipher.updateAAD(bound);
            }
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException tamperedOrWrongKey) {
            throw new IllegalStateException("Personal data could not be decrypted", tamperedOrWrongKey);
        }
    }
}
