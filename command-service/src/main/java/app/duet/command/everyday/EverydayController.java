package app.duet.command.everyday;

import app.duet.access.Actor;
import app.duet.api.everyday.AnswerEverydayBid;
import app.duet.api.everyday.CheckInLean;
import app.duet.api.everyday.ExpressAppreciation;
import app.duet.api.everyday.MakeEverydayBid;
import app.duet.api.exercise.Lean;
import app.duet.api.session.BidResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import java.util.UUID;

/** What partners do between sessions: bids, lean check-ins and appreciations. */
@RestController
@RequestMapping("/api/commands/couples/{coupleId}")
@Tag(name = "Between sessions", description = "Everyday bids, lean check-ins and appreciations")
class EverydayController {

    private final CommandGateway commands;

    EverydayController(CommandGateway commands) {
        this.commands = commands;
    }

    record WordsRequest(@NotBlank @Size(max = 1000) String words) {
    }

    record BidMadeResponse(String bidId) {
    }

    record CheckedInResponse(String checkInId) {
    }

    record AppreciatedResponse(String appreciationId) {
    }

    @PostMapping("/bids")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a bid for connection to your partner between sessions")
    BidMadeResponse makeBid(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                    @Valid @RequestBody WordsRequest request) {
        String bidId = UUID.randomUUID().toString();
        commands.sendAndWait(new MakeEverydayBid(coupleId, actor.partnerId(), bidId, request.words().strip()));
        return new BidMadeResponse(bidId);
    }

    record AnswerRequest(@NotNull BidResponse response) {
    }

    @PostMapping("/bids/{bidId}/answer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Answer a bid your partner made: toward, away or against")
    void answerBid(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId, @PathVariable String bidId,
                   @Valid @RequestBody AnswerRequest request) {
        commands.sendAndWait(new AnswerEverydayBid(coupleId, actor.partnerId(), bidId, request.response()));
    }

    record CheckInRequest(@NotNull Lean lean, @NotNull @Min(Lean.NO_ENERGY) @Max(Lean.FULL_ENERGY) Integer energy) {
    }

    @PostMapping("/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Check in between sessions: lean in, back or out, and your energy (0-10); your partner sees it")
    CheckedInResponse checkIn(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                    @Valid @RequestBody CheckInRequest request) {
        String checkInId = UUID.randomUUID().toString();
        commands.sendAndWait(new CheckInLean(coupleId, actor.partnerId(), checkInId, request.lean(), request.energy()));
        return new CheckedInResponse(checkInId);
    }

    @PostMapping("/appreciations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tell your partner something you appreciate about them")
    AppreciatedResponse appreciate(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                       @Valid @RequestBody WordsRequest request) {
        String appreciationId = UUID.randomUUID().toString();
        commands.sendAndWait(new ExpressAppreciation(coupleId, actor.partnerId(), appreciationId, request.words().strip()));
        return new AppreciatedResponse(appreciationId);
    }
}
