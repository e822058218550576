package app.duet.standalone.backup;

import app.duet.access.Actor;
import app.duet.api.access.Role;
import app.duet.keys.KeysFolder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A backup of standalone's event store taken while Duet runs (H2's {@code BACKUP TO}: a consistent
 * copy, since its store never overwrites what a reader may still see). That database holds all that
 * cannot be rebuilt: the events, the couples' data keys, the accounts and the issuer's signing key.
 * The views file is left out on purpose: views rebuild from the events, and a views file newer than
 * the events beside it would claim events the restored store will number anew, and skip them.
 * Restore: unzip the file into an empty data folder and start Duet on it.
 */
@RestController
@RequestMapping("/api/commands/admin/backups")
@Tag(name = "Operations", description = "Backups of standalone's data, for admins")
public class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final JdbcClient eventStore;
    private final Path folder;

    Backups(JdbcClient eventStore, @Value("${duet.data-dir:./data}") Path dataDir) {
        this.eventStore = eventStore;
        this.folder = dataDir.resolve("backups");
    }

    record BackupTaken(String backupId, String file) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "An admin backs up the event store (events, data keys, accounts, the issuer's key) while Duet runs; "
            + "restore by unzipping it into an empty data folder")
    BackupTaken take(@Parameter(hidden = true) Actor actor) throws IOException {
        actor.require(Role.ADMIN);
        String backupId = "duet-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        // A backup holds every couple's (wrapped) data key, the accounts and the issuer's key: its owner alone reads it.
        Path file = KeysFolder.ownerOnly(Files.createDirectories(folder)).resolve(backupId + ".zip").toAbsolutePath();
        // The name is ours (a timestamp under the data folder), never the caller's: safe to put in the statement.
        eventStore.sql("BACKUP TO '" + file.toString().replace("'", "''") + "'").update();
        KeysFolder.ownerOnly(file);
        // Where it lies relative to the data folder: the server's own paths are nobody's business.
        return new BackupTaken(backupId, "backups/" + file.getFileName());
    }
}
