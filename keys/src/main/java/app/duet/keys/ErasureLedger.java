package app.duet.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every erasure, written down outside the event database, beside the key-encryption key: one couple
 * id a line, appended and synced to disk before the couple's key is destroyed, never rewritten. A
 * database restored from a backup taken before an erasure still holds that couple's (wrapped) key;
 * the ledger says it must go, and it is destroyed again on every start. It holds ids only, random
 * ones, never a name or a word. Lines are read back as they are, so ledgers can be merged by
 * concatenation and a partial last line (a crash mid-write) is skipped.
 */
public final class ErasureLedger {

    public static final String FILE = "erasures.ledger";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

    private static final long LOOK_AGAIN_AFTER_MILLIS = 2_000;

    private final Path file;
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private volatile long lookedAt;
    private volatile long readModified;

    private ErasureLedger(Path file) {
        this.file = file;
        reload();
    }

    public static ErasureLedger in(KeysFolder folder) {
        return new ErasureLedger(folder.path().resolve(FILE));
    }

    /** Writes the erasure down for good (on disk when this returns); once is enough. */
    public synchronized void record(String coupleId) {
        if (!ID.matcher(coupleId).matches()) {
            throw new IllegalArgumentException("Not a couple id: " + coupleId);
        }
        if (erased.contains(coupleId)) {
            return;
        }
        boolean midLine = endsMidLine();
        try (FileChannel ledger = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            KeysFolder.ownerOnly(file);
            // After a line a crash cut short, the next one starts on a line of its own.
            ledger.write(StandardCharsets.UTF_8.encode((midLine ? "\n" : "") + coupleId + "\n"));
            ledger.force(true);
        } catch (IOException failed) {
            throw new UncheckedIOException("The erasure could not be written down in " + file, failed);
        }
        erased.add(coupleId);
    }

    private boolean endsMidLine() {
        try (FileChannel ledger = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ledger.size() == 0) {
                return false;
            }
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            ledger.read(last, ledger.size() - 1);
            return last.get(0) != '\n';
        } catch (java.nio.file.NoSuchFileException none) {
            return false;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * Whether the couple was erased, by this instance or another sharing the ledger: the file is read
     * again when it changed, looked at no more than once every {@link #LOOK_AGAIN_AFTER_MILLIS}.
     */
    public boolean contains(String coupleId) {
        if (erased.contains(coupleId)) {
            return true;
        }
        long now = System.currentTimeMillis();
        if (now - lookedAt > LOOK_AGAIN_AFTER_MILLIS) {
            lookedAt = now;
            reloadIfChanged();
        }
        return erased.contains(coupleId);
    }

    private void reloadIfChanged() {
        try {
            long modified = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
            if (modified != readModified) {
                reload();
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The erasure ledger " + file + " cannot be read", unreadable);
        }
    }

    /** Every couple ever erased. */
    public Set<String> erased() {
        return Set.copyOf(erased);
    }

    /** Reads the ledger again: other instances sharing the folder append to it too. */
    synchronized void reload() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            readModified = Files.getLastModifiedTime(file).toMillis();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int whole = text.lastIndexOf('\n');
            for (String line : text.substring(0, whole + 1).split("\n")) {
                if (ID.matcher(line.strip()).matches()) {
                    erased.add(line.strip());
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The erasure ledger " + file + " cannot be read", unreadable);
        }
    }
}
