package app.duet.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The key-encryption key: every key Duet keeps in a database (each couple's data key, the issuer's
 * signing key) is stored wrapped by it, never in the clear, and it is never stored in a database. It
 * is a Tink AEAD keyset (AES-256-GCM) in a file of its own, {@value #FILE} in the keys folder, readable
 * by its owner only. A stolen database or backup without that file holds no readable key.
 *
 * <p>Tink keysets hold several keys: rotating adds a new primary key that wraps from then on, while
 * the older ones still unwrap what they wrapped ({@link #rotate}); once everything is wrapped anew
 * the older ones are dropped ({@link #dropAllButPrimary}).
 */
public final class KeyEncryptionKey {

    public static final String FILE = "key-encryption-key.json";
    /** Marks a wrapped value, so a key stored in the clear by an earlier build is told apart and wrapped. */
    public static final String WRAPPED = "kek1:";
    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKey.class);

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("Tink's AEAD cannot be registered", unavailable);
        }
    }

    private final Path file;
    private volatile KeysetHandle keyset;
    private volatile Aead aead;

    private KeyEncryptionKey(Path file, KeysetHandle keyset) {
        this.file = file;
        use(keyset);
    }

    /**
     * The key in {@code folder}; made there first if {@code createIfMissing} (standalone, and a first
     * start anywhere the folder is the operator's), else its absence stops the start: a new key could
     * unwrap none of the keys already stored.
     */
    public static KeyEncryptionKey in(KeysFolder folder, boolean createIfMissing) {
        Path file = folder.path().resolve(FILE);
        try {
            if (!Files.exists(file)) {
                if (!createIfMissing) {
                    throw new IllegalStateException("No key-encryption key at " + file + ": restore it from its own backup, or "
                            + "set duet.keys.create-if-missing=true on a first start only");
                }
                if (createOnce(folder, file, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM))) {
                    log.info("Made the key-encryption key at {}: keep it, and back it up apart from the data; "
                            + "without it nothing Duet stored can be read", file);
                }
            }
            return new KeyEncryptionKey(file, read(file));
        } catch (GeneralSecurityException broken) {
            throw new IllegalStateException("The key-encryption key at " + file + " cannot be used", broken);
        }
    }

    /** Wraps a key for keeping; {@code context} (a couple's id, say) binds the wrapped value to what it belongs to. */
    public String wrap(byte[] key, String context) {
        try {
            return WRAPPED + Base64.getEncoder().encodeToString(aead.encrypt(key, context.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("A key could not be wrapped", failed);
        }
    }

    /** The key inside a wrapped value, for the same {@code context} it was wrapped for. */
    public byte[] unwrap(String wrapped, String context) {
        if (!isWrapped(wrapped)) {
            throw new IllegalArgumentException("Not a wrapped key");
        }
        byte[] ciphertext = Base64.getDecoder().decode(wrapped.substring(WRAPPED.length()));
        try {
            return aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException notWithTheseKeys) {
            // Another instance may have rotated the key since this one read the file: read it again, once.
            reloadFromFile();
        }
        try {
            return aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException wrongKeyOrContext) {
            throw new IllegalStateException("A stored key cannot be unwrapped with the key-encryption key at " + file
                    + " (another key, or a value moved from where it belongs)", wrongKeyOrContext);
        }
    }

    public static boolean isWrapped(String stored) {
        return stored != null && stored.startsWith(WRAPPED);
    }

    /**
     * Whether a wrapped value was wrapped by the primary key: Tink's ciphertexts begin with a byte 1 and
     * the four-byte id of the key that made them. One that was not is wrapped anew after a rotation.
     */
    public boolean isWrappedByPrimary(String stored) {
        if (!isWrapped(stored)) {
            return false;
        }
        byte[] wrapped = Base64.getDecoder().decode(stored.substring(WRAPPED.length()));
        return wrapped.length > 5 && wrapped[0] == 1
                && java.nio.ByteBuffer.wrap(wrapped, 1, 4).getInt() == keyset.getPrimary().getId();
    }

    /** The value wrapped by the primary key: the same key inside, for the same context. */
    public String rewrap(String stored, String context) {
        return isWrappedByPrimary(stored) ? stored : wrap(unwrap(stored, context), context);
    }

    private synchronized void reloadFromFile() {
        try {
            use(read(file));
        } catch (GeneralSecurityException | UncheckedIOException unreadable) {
            log.warn("The key-encryption key at {} could not be read again: {}", file, unreadable.toString());
        }
    }

    /** Adds a new primary key: what is wrapped from now on uses it, and the older keys still unwrap. */
    public synchronized void rotate() {
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                    .build();
            replace(rotated);
            log.info("Key-encryption key at {} rotated: a new primary key wraps from now on", file);
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("The key-encryption key could not be rotated", failed);
        }
    }

    /** Once every stored key is wrapped with the primary, the older keys go: nothing needs them any more. */
    public synchronized void dropAllButPrimary() {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            for (int i = keyset.size() - 1; i >= 0; i--) {
                if (!keyset.getAt(i).isPrimary()) {
                    builder.deleteAt(i);
                }
            }
            replace(builder.build());
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("The key-encryption key's older keys could not be dropped", failed);
        }
    }

    /** How many keys the keyset holds (one, but while a rotation is under way). */
    public int size() {
        return keyset.size();
    }

    public Path file() {
        return file;
    }

    private void use(KeysetHandle handle) {
        try {
            this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.keyset = handle;
        } catch (GeneralSecurityException unusable) {
            throw new IllegalStateException("The key-encryption key cannot be used", unusable);
        }
    }

    /** Written beside the file and moved over it at once: the file is whole, the old one or the new. */
    private void replace(KeysetHandle handle) {
        try {
            Path next = Files.createTempFile(file.getParent(), "kek", ".tmp");
            KeysFolder.ownerOnly(next);
            Files.writeString(next, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            use(handle);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /**
     * Several instances may start on an empty folder at once: each writes its own key beside the file
     * and links it into place, which fails for all but the first, so every one uses the same key.
     */
    private static boolean createOnce(KeysFolder folder, Path file, KeysetHandle handle) throws GeneralSecurityException {
        try {
            Path mine = Files.createTempFile(folder.path(), "kek", ".new");
            try {
                KeysFolder.ownerOnly(mine);
                Files.writeString(mine, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
                Files.createLink(file, mine);
                return true;
            } catch (FileAlreadyExistsException anotherWasFirst) {
                return false;
            } finally {
                Files.deleteIfExists(mine);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("The key-encryption key could not be made at " + file, failed);
        }
    }

    private static KeysetHandle read(Path file) throws GeneralSecurityException {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The key-encryption key at " + file + " cannot be read", unreadable);
        }
    }
}
