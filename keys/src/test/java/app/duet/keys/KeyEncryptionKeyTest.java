package app.duet.keys;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key that wraps every kept key: made once, owner-only, bound to what it wraps, and rotated without losing a key. */
class KeyEncryptionKeyTest {

    private static final byte[] DATA_KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void madeOnceOwnerOnlyAndTheSameForEveryInstanceStartingAtOnce() throws Exception {
        KeysFolder folder = TestKeys.temporaryFolder();
        List<CompletableFuture<KeyEncryptionKey>> starting = new ArrayList<>();
        for (int instance = 0; instance < 4; instance++) {
            starting.add(CompletableFuture.supplyAsync(() -> KeyEncryptionKey.in(folder, true)));
        }
        String wrapped = starting.get(0).join().wrap(DATA_KEY, "couple-1");
        for (CompletableFuture<KeyEncryptionKey> instance : starting) {
            assertThat(instance.join().unwrap(wrapped, "couple-1")).isEqualTo(DATA_KEY);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.path().resolve(KeyEncryptionKey.FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.path()))).isEqualTo("rwx------");
        try (var files = Files.list(folder.path())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(KeyEncryptionKey.FILE);
        }
    }

    @Test
    void aWrappedKeyHoldsNothingOfTheKeyAndOpensOnlyForWhatItWasWrappedFor() {
        KeyEncryptionKey key = KeyEncryptionKey.in(TestKeys.temporaryFolder(), true);
        String wrapped = key.wrap(DATA_KEY, "couple-1");

        assertThat(wrapped).startsWith(KeyEncryptionKey.WRAPPED).doesNotContain(java.util.Base64.getEncoder().encodeToString(DATA_KEY));
        assertThatThrownBy(() -> key.unwrap(wrapped, "couple-2")).as("moved to another couple's row").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> KeyEncryptionKey.in(TestKeys.temporaryFolder(), true).unwrap(wrapped, "couple-1"))
                .as("another key-encryption key").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingKeyStopsTheStartWhereItMayNotBeMade() {
        assertThatThrownBy(() -> KeyEncryptionKey.in(TestKeys.temporaryFolder(), false)).hasMessageContaining("No key-encryption key");
    }

    @Test
    void aRotationWrapsWithTheNewKeyAndTheOldOneGoesOnceNothingNeedsIt() {
        KeysFolder folder = TestKeys.temporaryFolder();
        KeyEncryptionKey key = KeyEncryptionKey.in(folder, true);
        String before = key.wrap(DATA_KEY, "couple-1");

        key.rotate();
        assertThat(key.isWrappedByPrimary(before)).isFalse();
        String after = key.rewrap(before, "couple-1");
        assertThat(key.isWrappedByPrimary(after)).isTrue();
        assertThat(key.unwrap(before, "couple-1")).as("the older key still opens what it wrapped").isEqualTo(DATA_KEY);

        key.dropAllButPrimary();
        KeyEncryptionKey restarted = KeyEncryptionKey.in(folder, false);
        assertThat(restarted.size()).isEqualTo(1);
        assertThat(restarted.unwrap(after, "couple-1")).isEqualTo(DATA_KEY);
        assertThatThrownBy(() -> restarted.unwrap(before, "couple-1")).as("retired").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInstanceThatStartedBeforeARotationElsewhereStillOpensWhatTheNewKeyWraps() {
        KeysFolder folder = TestKeys.temporaryFolder();
        KeyEncryptionKey here = KeyEncryptionKey.in(folder, true);
        KeyEncryptionKey elsewhere = KeyEncryptionKey.in(folder, true);

        elsewhere.rotate();

        assertThat(here.unwrap(elsewhere.wrap(DATA_KEY, "couple-9"), "couple-9")).isEqualTo(DATA_KEY);
    }

    @Test
    void olderKeysAreNotRetiredWhileAKeptKeyStillNeedsThem() {
        KeysFolder folder = TestKeys.temporaryFolder();
        KeyEncryptionKey key = KeyEncryptionKey.in(folder, true);
        String stillOld = key.wrap(DATA_KEY, "couple-1");
        KeptKeys behind = new KeptKeys() {
            @Override
            public String name() {
                return "keys another instance has not wrapped anew yet";
            }

            @Override
            public int wrapWithPrimary() {
                return 0;
            }

            @Override
            public int notWrappedWithPrimary() {
                return key.isWrappedByPrimary(stillOld) ? 0 : 1;
            }
        };

        new KeyRotation(key, List.of(behind), true, true).wrapEveryKeptKeyWithThePrimary();

        assertThat(key.size()).isEqualTo(2);
        assertThat(key.unwrap(stillOld, "couple-1")).isEqualTo(DATA_KEY);
    }

    @Test
    void anErasureWrittenByAnotherInstanceIsSeenHereSoon() {
        KeysFolder folder = TestKeys.temporaryFolder();
        ErasureLedger here = ErasureLedger.in(folder);
        assertThat(here.contains("couple-7")).isFalse();

        ErasureLedger.in(folder).record("couple-7");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> here.contains("couple-7"));
    }

    @Test
    void theLedgerKeepsEveryErasureAcrossRestartsAndSkipsAHalfWrittenLine() throws Exception {
        KeysFolder folder = TestKeys.temporaryFolder();
        ErasureLedger.in(folder).record("couple-1");
        Files.writeString(folder.path().resolve(ErasureLedger.FILE), "couple-2\ncouple-3-half", java.nio.file.StandardOpenOption.APPEND);

        ErasureLedger again = ErasureLedger.in(folder);
        assertThat(again.erased()).containsExactlyInAnyOrder("couple-1", "couple-2");
        again.record("couple-4");
        assertThat(ErasureLedger.in(folder).erased()).containsExactlyInAnyOrder("couple-1", "couple-2", "couple-3-half", "couple-4");
        assertThatThrownBy(() -> again.record("no\nnewlines")).isInstanceOf(IllegalArgumentException.class);
    }
}
