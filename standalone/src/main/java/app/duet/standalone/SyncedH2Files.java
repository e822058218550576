package app.duet.standalone;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.h2.store.fs.disk.FilePathDisk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.DSYNC;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * H2 files opened for writing with {@code O_DSYNC}, as {@code jdbc:h2:synced:...}: every write of a
 * commit is on the disk, not only in the operating system's cache, before the commit returns. H2 2.x
 * never syncs on commit itself, and by default keeps commits in memory for up to half a second
 * ({@code WRITE_DELAY}); with {@code WRITE_DELAY=0} and these files, an answered command survives a
 * killed process and a lost power supply alike, as it does on PostgreSQL.
 */
public final class SyncedH2Files extends FilePathWrapper {

    static final String SCHEME = "synced";

    /** Public, with no arguments: H2 makes one for each path it opens. */
    public SyncedH2Files() {
    }

    /** Makes the scheme known to H2; idempotent, and needed before the first connection. */
    static void register() {
        FilePath.register(new SyncedH2Files());
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (!mode.contains("w")) {
            return super.open(mode);
        }
        if (!(getBase() instanceof FilePathDisk)) {
            throw new IOException("synced: needs a file on disk, not " + getBase());
        }
        return FileChannel.open(Path.of(getBase().toString()), READ, WRITE, CREATE, DSYNC);
    }
}
