package app.duet.command.pairing;

import app.duet.access.Actor;
import app.duet.api.pairing.CreateCouple;
import app.duet.api.pairing.JoinCouple;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Two partners become a couple: the first opens it, the second joins with the invitation code. */
@RestController
@RequestMapping("/api/commands/couples")
@Tag(name = "Couples", description = "Pairing two partners by an invitation code")
class PairingController {

    private final CommandGateway commands;
    private final InvitationRegistry invitations;

    private final Duration invitationsValidFor;

    PairingController(CommandGateway commands, InvitationRegistry invitations,
                      @Value("${duet.invitations.valid-for:7d}") Duration invitationsValidFor) {
        this.commands = commands;
        this.invitations = invitations;
        this.invitationsValidFor = invitationsValidFor;
    }

    record CreateCoupleRequest(@NotBlank(message = "Please enter your name, as your partner will see it.")
                               @Size(max = 60, message = "A name has at most 60 characters.") String displayName) {
    }

    record CoupleCreatedResponse(String coupleId, String invitationCode) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a couple as its first partner; returns the code to give the other partner")
    CoupleCreatedResponse create(@Parameter(hidden = true) Actor actor, @Valid @RequestBody CreateCoupleRequest request) {
        String coupleId = UUID.randomUUID().toString();
        String code = InvitationCodes.next();
        commands.sendAndWait(new CreateCouple(coupleId, actor.partnerId(), request.displayName().strip(), code,
                Instant.now().plus(invitationsValidFor)));
        return new CoupleCreatedResponse(coupleId, code);
    }

    record JoinCoupleRequest(@NotBlank(message = "Please enter the invitation code your partner gave you.")
                             @Size(max = 20, message = "An invitation code looks like K7QF-2MZD. Please check it.") String invitationCode,
                             @NotBlank(message = "Please enter your name, as your partner will see it.")
                             @Size(max = 60, message = "A name has at most 60 characters.") String displayName) {
    }

    record CoupleJoinedResponse(String coupleId) {
    }

    @PostMapping("/join")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Join a couple as its second partner with the invitation code")
    CoupleJoinedResponse join(@Parameter(hidden = true) Actor actor, @Valid @RequestBody JoinCoupleRequest request) {
        String code = InvitationCodes.normalize(request.invitationCode());
        String coupleId = invitations.coupleInvitedWith(code);
        commands.sendAndWait(new JoinCouple(coupleId, actor.partnerId(), request.displayName().strip(), code, Instant.now()));
        return new CoupleJoinedResponse(coupleId);
    }
}
