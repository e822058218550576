package app.duet.query.analytics;

import app.duet.query.events.ViewsBuiltBy;
import app.duet.query.cycle.CycleStateProjection;
import app.duet.access.Actor;
import app.duet.api.AggregateType;
import app.duet.api.access.Role;
import app.duet.api.analytics.CohortView;
import app.duet.api.analytics.DeadLetterRetryView;
import app.duet.api.analytics.DeadLetterView;
import app.duet.api.analytics.ProjectionStatusView;
import app.duet.api.analytics.ReplayStatusView;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.query.audit.ContentReads;
import app.duet.query.cycle.CycleStateDocument;
import app.duet.query.cycle.CycleStateStore;
import app.duet.query.rebuild.DeadLetters;
import app.duet.query.rebuild.Projections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;

/**
 * What analysts (and operators, for rebuilding) may see and do: pseudonymised cycle states now or
 * at any instant, cohort figures, the pseudonymised export, replays of a session, and rebuilding
 * projections. Nothing here carries a name, a word or a real id; every read of one couple's
 * history goes into that couple's log of who has seen their content.
 */
@RestController
@RequestMapping("/api/queries/analytics")
@Tag(name = "Analysts", description = "Pseudonymised history, time travel, cohort, export, replays, rebuilding projections")
@ViewsBuiltBy(CycleStateProjection.PROCESSING_GROUP)
class AnalyticsController {

    private final CycleStateStore store;
    private final PseudonymisedStates pseudonymised;
    private final Pseudonyms pseudonyms;
    private final TimeTravel timeTravel;
    private final CohortAndExport cohort;
    private final CoupleHistory history;
    private final Replays replays;
    private final Projections projections;
    private final DeadLetters deadLetters;
    private final ContentReads audit;

    AnalyticsController(CycleStateStore store, PseudonymisedStates pseudonymised, Pseudonyms pseudonyms,
                        TimeTravel timeTravel, CohortAndExport cohort, CoupleHistory history, Replays replays,
                        Projections projections, DeadLetters deadLetters, ContentReads audit) {
        this.store = store;
        this.pseudonymised = pseudonymised;
        this.pseudonyms = pseudonyms;
        this.timeTravel = timeTravel;
        this.cohort = cohort;
        this.history = history;
        this.replays = replays;
        this.projections = projections;
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @GetMapping("/couples")
    @Operation(summary = "Every couple's pseudonymised cycle state as it stands, with its sessions' pseudonyms")
    List<CycleStateView> couples(@Parameter(hidden = true) Actor actor) {
        actor.require(Role.ANALYST);
        return store.all(store.serving()).stream().filter(state -> state.partnerIds().size() == 2)
                .map(pseudonymised::of).toList();
    }

    @GetMapping("/couples/{couple}/cycle-state")
    @Operation(summary = "A couple's pseudonymised cycle state now, or, with ?at=, rebuilt from its events up to that instant without touching any projection")
    CycleStateView cycleState(@Parameter(hidden = true) Actor actor, @PathVariable String couple,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        return pseudonymised.of(stateOf(actor, couple, at));
    }

    @GetMapping("/couples/{couple}/cycle-state/evidence/{figure}")
    @Operation(summary = "The events behind one figure of the pseudonymised state (now, or at ?at=)")
    List<EvidenceRefView> evidence(@Parameter(hidden = true) Actor actor, @PathVariable String couple,
                               @PathVariable String figure,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        return pseudonymised.evidence(stateOf(actor, couple, at), figure);
    }

    @GetMapping("/cohort")
    @Operation(summary = "Figures across every couple, none named")
    CohortView cohort(@Parameter(hidden = true) Actor actor) {
        actor.require(Role.ANALYST);
        return cohort.cohort();
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "One pseudonymised row per couple as CSV: pseudonym, phase, counts and percentages; no name, no word")
    ResponseEntity<String> exportCsv(@Parameter(hidden = true) Actor actor) {
        actor.require(Role.ANALYST);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"duet-couples.csv\"").body(cohort.csv());
    }

    @GetMapping(value = "/export.jsonl", produces = "application/x-ndjson")
    @Operation(summary = "The same rows as JSON Lines")
    ResponseEntity<String> exportJsonLines(@Parameter(hidden = true) Actor actor) {
        actor.require(Role.ANALYST);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header("Content-Disposition", "attachment; filename=\"duet-couples.jsonl\"").body(cohort.jsonLines());
    }

    // --- replays --------------------------------------------------------------------------------

    record ReplayRequest(@NotBlank String session, @NotNull @DecimalMin("1") @DecimalMax("50") Double speed) {
    }

    @PostMapping("/replays")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Prepare a replay of one session (by its pseudonym), paused at the start: subscribe to /topic/replays.{replayId}, then play")
    ReplayStatusView startReplay(@Parameter(hidden = true) Actor actor, @Valid @RequestBody ReplayRequest request) {
        actor.require(Role.ANALYST);
        for (CycleStateDocument state : store.all(store.serving())) {
            for (String sessionId : state.sessionIds()) {
                if (pseudonyms.session(sessionId).equals(request.session())) {
                    audit.record(actor, state.coupleId(), "a pseudonymised replay of session " + request.session(), "REST");
                    return replays.prepare(actor.id(), state.coupleId(), request.session(),
                            ReplayFrames.of(history.ofSession(sessionId)), request.speed());
                }
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No session " + request.session() + " is known.");
    }

    @PostMapping("/replays/{replayId}/play")
    @Operation(summary = "Play (or go on playing) from the current position")
    ReplayStatusView play(@Parameter(hidden = true) Actor actor, @PathVariable String replayId) {
        return replays.resume(replayId, actor.require(Role.ANALYST).id());
    }

    @PostMapping("/replays/{replayId}/pause")
    @Operation(summary = "Pause the replay where it is")
    ReplayStatusView pause(@Parameter(hidden = true) Actor actor, @PathVariable String replayId) {
        return replays.pause(replayId, actor.require(Role.ANALYST).id());
    }

    record SeekRequest(@NotNull @Min(0) Integer position) {
    }

    @PostMapping("/replays/{replayId}/seek")
    @Operation(summary = "Go to a frame (0 is the start); a playing replay goes on from there")
    ReplayStatusView seek(@Parameter(hidden = true) Actor actor, @PathVariable String replayId,
                          @Valid @RequestBody SeekRequest request) {
        return replays.seek(replayId, actor.require(Role.ANALYST).id(), request.position());
    }

    record SpeedRequest(@NotNull @DecimalMin("1") @DecimalMax("50") Double speed) {
    }

    @PostMapping("/replays/{replayId}/speed")
    @Operation(summary = "Change the speed, from 1 (as it happened) to 50 times faster")
    ReplayStatusView speed(@Parameter(hidden = true) Actor actor, @PathVariable String replayId,
                           @Valid @RequestBody SpeedRequest request) {
        return replays.speed(replayId, actor.require(Role.ANALYST).id(), request.speed());
    }

    // --- projections: answered whatever they are doing, catching up included ------------------------

    @GetMapping("/projections")
    @ViewsBuiltBy({})
    @Operation(summary = "Each projection's position against the head of the event stream, and whether it is rebuilding or serving")
    List<ProjectionStatusView> projections(@Parameter(hidden = true) Actor actor) {
        operator(actor);
        return projections.statuses();
    }

    @PostMapping("/projections/{name}/rebuild")
    @ViewsBuiltBy({})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Drop a projection's documents and replay every event into it; follow the progress at /projections")
    List<ProjectionStatusView> rebuild(@Parameter(hidden = true) Actor actor, @PathVariable String name) {
        operator(actor);
        projections.rebuild(name);
        return projections.statuses();
    }

    @PostMapping("/projections/cycle-state/build-beside")
    @ViewsBuiltBy({})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Build the cycle state anew beside the serving one; reads stay on the serving one until the switch")
    List<ProjectionStatusView> buildBeside(@Parameter(hidden = true) Actor actor) {
        operator(actor);
        projections.buildCycleStateBeside();
        return projections.statuses();
    }

    @PostMapping("/projections/cycle-state/switch")
    @ViewsBuiltBy({})
    @Operation(summary = "Serve the cycle state from the one built beside, once it has caught up (409 before)")
    List<ProjectionStatusView> switchCycleState(@Parameter(hidden = true) Actor actor) {
        operator(actor);
        projections.switchCycleState();
        return projections.statuses();
    }

    @GetMapping("/projections/{name}/dead-letters")
    @ViewsBuiltBy({})
    @Operation(summary = "The events a projection could not apply, each holding back the later events of its aggregate: "
            + "event type, the aggregate's pseudonym, its sequence number and the failure's class, never the content")
    List<DeadLetterView> deadLetters(@Parameter(hidden = true) Actor actor, @PathVariable String name) {
        operator(actor);
        return deadLetters.list(name).stream().map(letter -> new DeadLetterView(name, letter.eventType(),
                pseudonymOf(letter.aggregateType(), letter.aggregateId()), letter.sequenceNumber(), letter.cause(),
                letter.enqueuedAt(), letter.lastTouched())).toList();
    }

    @PostMapping("/projections/{name}/dead-letters/retry")
    @ViewsBuiltBy({})
    @Operation(summary = "Apply a projection's parked events again, each aggregate's in order, once the cause is fixed; "
            + "a sequence that fails again stays parked (admins only)")
    DeadLetterRetryView retryDeadLetters(@Parameter(hidden = true) Actor actor, @PathVariable String name) {
        actor.require(Role.ADMIN);
        return deadLetters.retry(name);
    }

    private String pseudonymOf(String aggregateType, String aggregateId) {
        if (aggregateId == null) {
            return null;
        }
        return AggregateType.JOINT_SESSION.matches(aggregateType) ? pseudonyms.session(aggregateId) : pseudonyms.couple(aggregateId);
    }

    private CycleStateDocument stateOf(Actor actor, String couple, Instant at) {
        actor.require(Role.ANALYST);
        CycleStateDocument current = store.all(store.serving()).stream()
                .filter(state -> pseudonyms.couple(state.coupleId()).equals(couple)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No couple " + couple + " is known."));
        audit.record(actor, current.coupleId(), at == null ? "its pseudonymised cycle state"
                : "its pseudonymised cycle state as of " + at, "REST");
        return at == null ? current : timeTravel.cycleStateAt(current.coupleId(), at);
    }

    /** Rebuilding is for analysts and for the operators who run Duet. */
    private static void operator(Actor actor) {
        if (!actor.is(Role.ANALYST)) {
            actor.require(Role.ADMIN);
        }
    }
}
