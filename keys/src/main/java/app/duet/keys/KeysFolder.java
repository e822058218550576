package app.duet.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The folder that holds the key-encryption key and the erasure ledger: apart from the databases, so
 * that neither is in a database backup (`duet.keys.dir`; in standalone {@code ~/.duet/keys} by
 * default, printed at start). Made readable by its owner only.
 */
public record KeysFolder(Path path) {

    public KeysFolder {
        try {
            Files.createDirectories(path);
            ownerOnly(path);
        } catch (IOException unusable) {
            throw new UncheckedIOException("The keys folder " + path + " cannot be made", unusable);
        }
    }

    /** rw------- for a file, rwx------ for a folder, where the file system knows POSIX permissions. */
    public static Path ownerOnly(Path path) {
        try {
            if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
            }
            return path;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
