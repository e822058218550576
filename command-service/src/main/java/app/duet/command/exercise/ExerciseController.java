package app.duet.command.exercise;

import app.duet.access.Actor;
import app.duet.api.access.Role;
import app.duet.api.exercise.ReleaseResentment;
import app.duet.api.exercise.ChooseBabyStep;
import app.duet.api.exercise.CommitToBabyStep;
import app.duet.api.exercise.ConfirmChangeEvent;
import app.duet.api.exercise.FollowUpBabyStep;
import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleMove;
import app.duet.api.exercise.Lean;
import app.duet.api.exercise.ListBehaviour;
import app.duet.api.exercise.NeedKind;
import app.duet.api.exercise.OfferSmallerStep;
import app.duet.api.exercise.ProposeLetGo;
import app.duet.api.exercise.Reassure;
import app.duet.api.exercise.RecordCycleLink;
import app.duet.api.exercise.RecordLean;
import app.duet.api.exercise.StateNeed;
import app.duet.api.exercise.ReengageAsWithdrawer;
import app.duet.api.exercise.SoftenAsBlamer;
import app.duet.api.exercise.ExerciseStep;
import app.duet.api.session.MarkAnswersReady;
import app.duet.api.session.ShareEntry;
import app.duet.api.session.TakeAnswersBack;
import app.duet.api.session.WriteDraft;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * The exercises' entries and acts. Entries (text, cycle links, behaviours, needs, reassurances,
 * leans) are private to their author until shared or revealed, as their step says; an entry id is
 * chosen by the author's screen, so writing the same id again rewrites the draft. Acts (softening,
 * re-engagement, baby-step choices, let-go pacts) are seen by both as they happen.
 */
@RestController
@RequestMapping("/api/commands/sessions/{sessionId}")
@Tag(name = "Exercises", description = "Entries private until shared or revealed, answers marked ready for a reveal, and the acts of the six exercises")
class ExerciseController {

    /** Entry ids come from the author's screen: short and plain, so they are safe as keys anywhere. */
    private static final String ENTRY_ID = "[A-Za-z0-9-]{1,64}";
    private static final String STEP = "[a-z-]{1,40}";

    private final CommandGateway commands;

    ExerciseController(CommandGateway commands) {
        this.commands = commands;
    }

    record DraftRequest(@Pattern(regexp = STEP) String step, @NotNull @Size(max = 4000) String text) {
    }

    @PutMapping("/entries/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Write or rewrite a private text entry at a step (free notes when no step is given)")
    void writeDraft(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                    @PathVariable @Pattern(regexp = ENTRY_ID) String entryId, @Valid @RequestBody DraftRequest request) {
        String step = request.step() == null ? ExerciseStep.NOTES.key() : request.step();
        commands.sendAndWait(new WriteDraft(sessionId, actor.partnerId(), entryId, step, request.text()));
    }

    record CycleLinkRequest(@NotBlank @Pattern(regexp = STEP) String step, @NotNull CycleLink link,
                            @NotNull @Min(CycleLink.FAINTEST) @Max(CycleLink.OVERWHELMING) Integer intensity,
                            CycleMove move,
                            @NotBlank @Size(max = 1000) String words) {
    }

    @PutMapping("/cycle-links/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Name a link of your side of the cycle with its intensity (1-10); a behaviour also says its move")
    void recordCycleLink(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                         @PathVariable @Pattern(regexp = ENTRY_ID) String entryId,
                         @Valid @RequestBody CycleLinkRequest request) {
        commands.sendAndWait(new RecordCycleLink(sessionId, actor.partnerId(), entryId, request.step(), request.link(),
                request.intensity(), request.move(), request.words().strip()));
    }

    record BehaviourRequest(@NotBlank @Pattern(regexp = STEP) String step, @NotBlank @Size(max = 500) String words,
                            @NotNull @Min(ListBehaviour.EASIEST) @Max(ListBehaviour.BIGGEST) Integer size) {
    }

    @PutMapping("/behaviours/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "List a behaviour of your partner's that would move you, sized 1 (easy) to 5 (big)")
    void listBehaviour(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                       @PathVariable @Pattern(regexp = ENTRY_ID) String entryId,
                       @Valid @RequestBody BehaviourRequest request) {
        commands.sendAndWait(new ListBehaviour(sessionId, actor.partnerId(), entryId, request.step(),
                request.words().strip(), request.size()));
    }

    record NeedRequest(@NotBlank @Pattern(regexp = STEP) String step, @NotNull NeedKind need,
                       @NotBlank @Size(max = 1000) String words, @Size(max = 1000) String reassurance) {
    }

    @PutMapping("/needs/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "State a need for closeness or space without blame; space comes with a reassurance")
    void stateNeed(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                   @PathVariable @Pattern(regexp = ENTRY_ID) String entryId, @Valid @RequestBody NeedRequest request) {
        commands.sendAndWait(new StateNeed(sessionId, actor.partnerId(), entryId, request.step(), request.need(),
                request.words().strip(), request.reassurance() == null ? null : request.reassurance().strip()));
    }

    record ReassuranceRequest(@NotBlank @Pattern(regexp = STEP) String step,
                              @NotBlank @Pattern(regexp = ENTRY_ID) String needEntryId,
                              @NotBlank @Size(max = 1000) String words) {
    }

    @PutMapping("/reassurances/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Answer your partner's need with a reassurance (private until you share it)")
    void reassure(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                  @PathVariable @Pattern(regexp = ENTRY_ID) String entryId,
                  @Valid @RequestBody ReassuranceRequest request) {
        commands.sendAndWait(new Reassure(sessionId, actor.partnerId(), entryId, request.step(), request.needEntryId(),
                request.words().strip()));
    }

    record LeanRequest(@NotBlank @Pattern(regexp = STEP) String step, @NotNull Lean lean,
                       @NotNull @Min(Lean.NO_ENERGY) @Max(Lean.FULL_ENERGY) Integer energy) {
    }

    @PutMapping("/leans/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Check in: lean in, back or out, and your energy (0-10), revealed with your partner's")
    void recordLean(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                    @PathVariable @Pattern(regexp = ENTRY_ID) String entryId, @Valid @RequestBody LeanRequest request) {
        commands.sendAndWait(new RecordLean(sessionId, actor.partnerId(), entryId, request.step(), request.lean(),
                request.energy()));
    }

    @PostMapping("/entries/{entryId}/share")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Share an entry of yours at a step that is shared when ready; it is final from then on")
    void shareEntry(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                    @PathVariable String entryId) {
        commands.sendAndWait(new ShareEntry(sessionId, actor.partnerId(), entryId));
    }

    @PostMapping("/steps/{step}/ready")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark your answers at a step revealed together ready: your partner learns you are ready, not what you wrote; "
            + "once both are, a short countdown starts and the answers open for both at its end")
    void markReady(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId, @PathVariable String step) {
        commands.sendAndWait(new MarkAnswersReady(sessionId, actor.partnerId(), step));
    }

    @PostMapping("/steps/{step}/take-back")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take your ready answers back to change them; not once the countdown to the reveal has started")
    void takeBack(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId, @PathVariable String step) {
        commands.sendAndWait(new TakeAnswersBack(sessionId, actor.partnerId(), step));
    }

    /** An earlier build's page submitted answers: that is marking them ready now, countdown and all. */
    @PostMapping("/steps/{step}/submit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Earlier name of marking your answers ready (POST .../ready); kept for pages of earlier builds", deprecated = true)
    void submit(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId, @PathVariable String step) {
        markReady(actor, sessionId, step);
    }

    /** Nobody reveals answers by hand any more: the countdown does, and this says so. Nothing is stored. */
    @PostMapping("/steps/{step}/reveal")
    @Operation(summary = "Gone: answers open by themselves when the countdown that starts once both are ready ends (410 Gone)",
            deprecated = true)
    void reveal(@PathVariable String sessionId, @PathVariable String step) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE,
                "Answers are no longer revealed by hand: mark yours ready (POST /api/commands/sessions/" + sessionId
                        + "/steps/" + step + "/ready); once both of you are ready, they open for both after a short countdown.");
        problem.setTitle("Revealed by the countdown");
        problem.setType(URI.create("https://duet.app/problems/reveal-counts-down"));
        problem.setProperty("rule", "reveal-counts-down");
        throw new ErrorResponseException(HttpStatus.GONE, problem, null);
    }

    record WordsRequest(@NotBlank @Size(max = 1000) String words) {
    }

    record MoveVoiced(String moveId) {
    }

    @PostMapping("/softenings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Say the softer longing under your usual criticism or pursuit; your partner sees it at once")
    MoveVoiced soften(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                      @Valid @RequestBody WordsRequest request) {
        String moveId = UUID.randomUUID().toString();
        commands.sendAndWait(new SoftenAsBlamer(sessionId, actor.partnerId(), moveId, request.words().strip()));
        return new MoveVoiced(moveId);
    }

    @PostMapping("/reengagements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Let your partner in on your hurt instead of retreating; they see it at once")
    MoveVoiced reengage(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                        @Valid @RequestBody WordsRequest request) {
        String moveId = UUID.randomUUID().toString();
        commands.sendAndWait(new ReengageAsWithdrawer(sessionId, actor.partnerId(), moveId, request.words().strip()));
        return new MoveVoiced(moveId);
    }

    @PostMapping("/moves/{moveId}/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The observing therapist confirms a softening or re-engagement as a change event")
    void confirm(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId, @PathVariable String moveId) {
        commands.sendAndWait(new ConfirmChangeEvent(sessionId, actor.require(Role.THERAPIST).id(), moveId));
    }

    @PostMapping("/baby-steps/{behaviourEntryId}/choose")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Choose a behaviour from your partner's revealed list as one you will do")
    void choose(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                @PathVariable String behaviourEntryId) {
        commands.sendAndWait(new ChooseBabyStep(sessionId, actor.partnerId(), behaviourEntryId));
    }

    @PostMapping("/baby-steps/{behaviourEntryId}/smaller-step")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Not yet, but willing: answer a behaviour on your partner's list with a smaller step")
    void offerSmallerStep(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                          @PathVariable String behaviourEntryId, @Valid @RequestBody WordsRequest request) {
        commands.sendAndWait(new OfferSmallerStep(sessionId, actor.partnerId(), behaviourEntryId, request.words().strip()));
    }

    @PostMapping("/baby-steps/{behaviourEntryId}/commit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Commit to a step you chose, or to the smaller step you offered for it")
    void commit(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                @PathVariable String behaviourEntryId) {
        commands.sendAndWait(new CommitToBabyStep(sessionId, actor.partnerId(), behaviourEntryId));
    }

    record FollowUpRequest(@NotNull Boolean done) {
    }

    record FollowedUp(String followUpId) {
    }

    @PostMapping("/baby-steps/{behaviourEntryId}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Between sessions or after this one: say whether the step you committed to happened this time (done true or false); as often as you like")
    FollowedUp followUp(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                        @PathVariable String behaviourEntryId, @Valid @RequestBody FollowUpRequest request) {
        String followUpId = UUID.randomUUID().toString();
        commands.sendAndWait(new FollowUpBabyStep(sessionId, followUpId, actor.partnerId(), behaviourEntryId,
                request.done()));
        return new FollowedUp(followUpId);
    }

    record PactProposed(String pactId) {
    }

    @PostMapping("/let-go")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a pact to let an old resentment go; it holds when your partner agrees")
    PactProposed proposeLetGo(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                              @Valid @RequestBody WordsRequest request) {
        String pactId = UUID.randomUUID().toString();
        commands.sendAndWait(new ProposeLetGo(sessionId, actor.partnerId(), pactId, request.words().strip()));
        return new PactProposed(pactId);
    }

    @PostMapping("/let-go/{pactId}/agree")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Agree to the pact your partner proposed: the resentment is let go")
    void agreeToLetGo(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                      @PathVariable String pactId) {
        commands.sendAndWait(new ReleaseResentment(sessionId, actor.partnerId(), pactId));
    }
}
