package app.duet.command.couple;

import app.duet.api.consent.GrantTherapistAccess;
import app.duet.api.pairing.CreateCouple;
import app.duet.api.privacy.EraseCouple;
import app.duet.api.consent.InviteTherapist;
import app.duet.api.pairing.JoinCouple;
import app.duet.api.session.StartSession;
import app.duet.api.consent.WithdrawTherapistAccess;
import app.duet.api.session.Exercise;
import app.duet.access.Actor;
import app.duet.api.access.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

@RestController
@RequestMapping("/api/commands/couples")
@Tag(name = "Couples", description = "Pairing two partners, their therapist's access, and starting their joint sessions")
class CoupleController {

    private final CommandGateway commands;
    private final InvitationRegistry invitations;

    private final Duration invitationsValidFor;

    CoupleController(CommandGateway commands, InvitationRegistry invitations,
                     @Value("${duet.invitations.valid-for:7d}") Duration invitationsValidFor) {
        this.commands = commands;
        this.invitations = invitations;
        this.invitationsValidFor = invitationsValidFor;
    }

    record CreateCoupleRequest(@NotBlank @Size(max = 60) String displayName) {
    }

    record CoupleCreatedResponse(String coupleId, String invitationCode) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a couple as its first partner; returns the code to give the other partner")
    CoupleCreatedResponse create(@Parameter(hidden = true) Actor actor, @Valid @RequestBody CreateCoupleRequest request) {
        String coupleId = UUID.randomUUID().toString();
        String code = InvitationCodes.next();
        commands.sendAndWait(new CreateCouple(coupleId, partner(actor), request.displayName().strip(), code,
                Instant.now().plus(invitationsValidFor)));
        return new CoupleCreatedResponse(coupleId, code);
    }

    record JoinCoupleRequest(@NotBlank @Size(max = 20) String invitationCode,
                             @NotBlank @Size(max = 60) String displayName) {
    }

    record CoupleJoinedResponse(String coupleId) {
    }

    @PostMapping("/join")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Join a couple as its second partner with the invitation code")
    CoupleJoinedResponse join(@Parameter(hidden = true) Actor actor, @Valid @RequestBody JoinCoupleRequest request) {
        String code = InvitationCodes.normalize(request.invitationCode());
        String coupleId = invitations.coupleInvitedWith(code);
        commands.sendAndWait(new JoinCouple(coupleId, partner(actor), request.displayName().strip(), code, Instant.now()));
        return new CoupleJoinedResponse(coupleId);
    }

    /** A therapist's code is their account id, as their Duet screen shows it. */
    record InviteTherapistRequest(@NotBlank @Pattern(regexp = "[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}",
                                          message = "is not a therapist code: copy it from the therapist's Duet screen")
                                  String therapistCode,
                                  @NotBlank @Size(max = 60) String therapistName) {
    }

    @PostMapping("/{coupleId}/therapists")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Invite a therapist by their therapist code; this is your consent, the other partner's is still needed")
    void inviteTherapist(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                         @Valid @RequestBody InviteTherapistRequest request) {
        commands.sendAndWait(new InviteTherapist(coupleId, partner(actor), request.therapistCode().strip(),
                request.therapistName().strip()));
    }

    @PostMapping("/{coupleId}/therapists/{therapistId}/consent")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Consent to the invited therapist observing your couple")
    void consentToTherapist(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                            @PathVariable String therapistId) {
        commands.sendAndWait(new GrantTherapistAccess(coupleId, partner(actor), therapistId));
    }

    @PostMapping("/{coupleId}/therapists/{therapistId}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw consent: the therapist's access, live views included, ends at once")
    void withdrawTherapistConsent(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                                  @PathVariable String therapistId) {
        commands.sendAndWait(new WithdrawTherapistAccess(coupleId, partner(actor), therapistId));
    }

    @PostMapping("/{coupleId}/erase")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Erase the couple: its key is destroyed, so every word either partner wrote becomes unreadable, and its views are purged")
    void erase(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId) {
        commands.sendAndWait(new EraseCouple(coupleId, partner(actor)));
    }

    record StartSessionRequest(@NotNull Exercise exercise) {
    }

    record SessionStartedResponse(String sessionId) {
    }

    @PostMapping("/{coupleId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a live joint session of the couple")
    SessionStartedResponse startSession(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                                        @Valid @RequestBody StartSessionRequest request) {
        String sessionId = UUID.randomUUID().toString();
        commands.sendAndWait(new StartSession(coupleId, sessionId, partner(actor), request.exercise()));
        return new SessionStartedResponse(sessionId);
    }

    /** Only partners act in couples and sessions; therapists, analysts and admins never do. */
    private static String partner(Actor actor) {
        return actor.require(Role.PARTNER).id();
    }
}
