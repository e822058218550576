package app.duet.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** One key-encryption key for every test that keeps data keys (instances sharing a database share it), and fresh ledgers. */
public final class TestKeys {

    private static final KeysFolder FOLDER = temporaryFolder();

    private TestKeys() {
    }

    public static KeyEncryptionKey wrapping() {
        return KeyEncryptionKey.in(FOLDER, true);
    }

    /** A ledger of its own each time: tests reuse couple ids, and one test's erasure is not another's. */
    public static ErasureLedger ledger() {
        return ErasureLedger.in(temporaryFolder());
    }

    /** A fresh folder, for a test that must not share its keys. */
    public static KeysFolder temporaryFolder() {
        try {
            return new KeysFolder(Files.createTempDirectory("duet-keys"));
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
    }
}
