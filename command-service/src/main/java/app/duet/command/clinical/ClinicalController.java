package app.duet.command.clinical;

import app.duet.access.Actor;
import app.duet.api.access.Role;
import app.duet.api.clinical.MarkSafetyConcernSeen;
import app.duet.api.clinical.RaiseSafetyConcern;
import app.duet.api.clinical.WriteTherapistNote;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** What is said to the therapist alone: their private notes, and a partner's safety concern. */
@RestController
@RequestMapping("/api/commands/couples/{coupleId}")
@Tag(name = "Therapist only", description = "Private clinical notes and safety concerns no partner sees")
class ClinicalController {

    private final CommandGateway commands;

    ClinicalController(CommandGateway commands) {
        this.commands = commands;
    }

    record NoteRequest(@NotBlank @Size(max = 4000) String text) {
    }

    record NoteWritten(String noteId) {
    }

    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A consented therapist writes a private note; no partner ever sees it")
    NoteWritten writeNote(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                          @Valid @RequestBody NoteRequest request) {
        String noteId = UUID.randomUUID().toString();
        commands.sendAndWait(new WriteTherapistNote(coupleId, actor.require(Role.THERAPIST).id(), noteId,
                request.text().strip()));
        return new NoteWritten(noteId);
    }

    record ConcernRequest(@Size(max = 2000) String words) {
    }

    record ConcernRaised(String concernId) {
    }

    @PostMapping("/safety-concerns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A partner privately tells the therapist they do not feel safe; the other partner never sees it")
    ConcernRaised raiseConcern(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                               @Valid @RequestBody ConcernRequest request) {
        String concernId = UUID.randomUUID().toString();
        String words = request.words() == null ? "" : request.words().strip();
        commands.sendAndWait(new RaiseSafetyConcern(coupleId, actor.require(Role.PARTNER).id(), concernId, words));
        return new ConcernRaised(concernId);
    }

    @PostMapping("/safety-concerns/{concernId}/seen")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "A therapist who was told of a safety concern says they have read it; its banner goes from their screens")
    void concernSeen(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId, @PathVariable String concernId) {
        commands.sendAndWait(new MarkSafetyConcernSeen(coupleId, concernId, actor.require(Role.THERAPIST).id()));
    }
}
