package app.duet.standalone;

import app.duet.keys.KeysFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Standalone's data folder holds every couple's events and the accounts: it and everything in it are
 * made readable by the account Duet runs as, and no one else. Says at start where the data and the
 * keys are, since the keys folder must be kept (and backed up) apart from the data.
 */
@Component
class OwnerOnlyFolders {

    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFolders.class);

    private final Path data;
    private final KeysFolder keys;

    OwnerOnlyFolders(@Value("${duet.data-dir:./data}") Path data, KeysFolder keys) {
        this.data = data.toAbsolutePath().normalize();
        this.keys = keys;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ownerOnly() {
        try (Stream<Path> everything = Files.walk(data)) {
            everything.forEach(KeysFolder::ownerOnly);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        log.info("Data in {} and keys in {}, each readable by its owner only; back up the keys apart from the data",
                data, keys.path());
    }
}
