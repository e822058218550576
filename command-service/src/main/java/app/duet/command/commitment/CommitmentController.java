package app.duet.command.commitment;

import app.duet.access.Actor;
import app.duet.api.access.Role;
import app.duet.api.commitment.AcceptCommitment;
import app.duet.api.commitment.AdjustCommitment;
import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.commitment.CommitmentOutcome;
import app.duet.api.commitment.ConcludeCommitment;
import app.duet.api.commitment.MarkHomeworkDone;
import app.duet.api.commitment.ProposeCommitment;
import app.duet.api.commitment.RecordAttendance;
import app.duet.api.commitment.ReviewCheckpoint;
import app.duet.api.commitment.SetHomework;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The therapist's frame around the couple's work: time-bound commitments, check-points, attendance, homework. */
@RestController
@RequestMapping("/api/commands/couples/{coupleId}")
@Tag(name = "Commitments and homework", description = "Time-bound commitments with check-points, attendance, and homework")
class CommitmentController {

    private final CommandGateway commands;

    CommitmentController(CommandGateway commands) {
        this.commands = commands;
    }

    record CommitmentProposedResponse(String commitmentId) {
    }

    record AttendanceRecordedResponse(String meetingId) {
    }

    record HomeworkSetResponse(String homeworkId) {
    }

    record ProposeRequest(@NotNull LocalDate startsOn, @NotNull LocalDate endsOn, @NotNull LocalDate improvementBy,
                          @Size(max = 52) List<@NotNull LocalDate> checkpoints) {
    }

    @PostMapping("/commitments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The observing therapist proposes a time-bound commitment; it is made when both partners accept")
    CommitmentProposedResponse propose(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                    @Valid @RequestBody ProposeRequest request) {
        String commitmentId = UUID.randomUUID().toString();
        commands.sendAndWait(new ProposeCommitment(coupleId, actor.require(Role.THERAPIST).id(), commitmentId,
                request.startsOn(), request.endsOn(), request.improvementBy(),
                request.checkpoints() == null ? List.of() : request.checkpoints()));
        return new CommitmentProposedResponse(commitmentId);
    }

    record AdjustRequest(@NotNull LocalDate endsOn, @NotNull LocalDate improvementBy) {
    }

    @PostMapping("/commitments/{commitmentId}/adjust")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Move a commitment's end or improvement date (a partner or the therapist); both partners accept again")
    void adjust(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId, @PathVariable String commitmentId,
                @Valid @RequestBody AdjustRequest request) {
        String by = actor.is(Role.THERAPIST) ? actor.id() : actor.require(Role.PARTNER).id();
        commands.sendAndWait(new AdjustCommitment(coupleId, by, commitmentId, request.endsOn(), request.improvementBy()));
    }

    @PostMapping("/commitments/{commitmentId}/accept")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Accept the commitment as it stands")
    void accept(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId, @PathVariable String commitmentId) {
        commands.sendAndWait(new AcceptCommitment(coupleId, actor.require(Role.PARTNER).id(), commitmentId));
    }

    record ReviewRequest(@NotNull LocalDate checkpoint, @NotNull CheckpointOutcome outcome) {
    }

    @PostMapping("/commitments/{commitmentId}/checkpoints")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The therapist reviews a check-point, from its day on: kept, partly kept or missed")
    void review(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId, @PathVariable String commitmentId,
                @Valid @RequestBody ReviewRequest request) {
        commands.sendAndWait(new ReviewCheckpoint(coupleId, actor.require(Role.THERAPIST).id(), commitmentId,
                request.checkpoint(), request.outcome(), Instant.now()));
    }

    record ConcludeRequest(@NotNull CommitmentOutcome outcome) {
    }

    @PostMapping("/commitments/{commitmentId}/conclude")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The therapist closes a commitment: improved, continuing, or a respectful parting")
    void conclude(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                  @PathVariable String commitmentId, @Valid @RequestBody ConcludeRequest request) {
        commands.sendAndWait(new ConcludeCommitment(coupleId, actor.require(Role.THERAPIST).id(), commitmentId,
                request.outcome()));
    }

    record AttendanceRequest(@NotNull LocalDate heldOn, @NotNull @Size(max = 2) List<@NotBlank String> attendedBy) {
    }

    @PostMapping("/attendance")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The therapist records who came to a therapy session; whoever did not is recorded as having missed it")
    AttendanceRecordedResponse attendance(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                       @Valid @RequestBody AttendanceRequest request) {
        String meetingId = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordAttendance(coupleId, actor.require(Role.THERAPIST).id(), meetingId,
                request.heldOn(), request.attendedBy()));
        return new AttendanceRecordedResponse(meetingId);
    }

    record HomeworkRequest(@NotBlank @Size(max = 2000) String words, LocalDate dueOn) {
    }

    @PostMapping("/homework")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The observing therapist sets homework; both partners see it")
    HomeworkSetResponse setHomework(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                        @Valid @RequestBody HomeworkRequest request) {
        String homeworkId = UUID.randomUUID().toString();
        commands.sendAndWait(new SetHomework(coupleId, actor.require(Role.THERAPIST).id(), homeworkId,
                request.words().strip(), request.dueOn()));
        return new HomeworkSetResponse(homeworkId);
    }

    @PostMapping("/homework/{homeworkId}/done")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark your part of the homework done")
    void homeworkDone(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                      @PathVariable String homeworkId) {
        commands.sendAndWait(new MarkHomeworkDone(coupleId, actor.require(Role.PARTNER).id(), homeworkId));
    }
}
