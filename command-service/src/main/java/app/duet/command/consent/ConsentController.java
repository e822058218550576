package app.duet.command.consent;

import app.duet.access.Actor;
import app.duet.api.consent.GrantTherapistAccess;
import app.duet.api.consent.InviteTherapist;
import app.duet.api.consent.WithdrawTherapistAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The couple's therapist: a partner invites them, both partners consent, and either may withdraw it. */
@RestController
@RequestMapping("/api/commands/couples/{coupleId}")
@Tag(name = "Therapist access", description = "Inviting a therapist; access begins once both partners consent and ends when either withdraws it")
class ConsentController {

    private final CommandGateway commands;

    ConsentController(CommandGateway commands) {
        this.commands = commands;
    }

    /** A therapist's code is their account id, as their Duet screen shows it. */
    record InviteTherapistRequest(@NotBlank @Pattern(regexp = "[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}",
                                          message = "is not a therapist code: copy it from the therapist's Duet screen")
                                  String therapistCode,
                                  @NotBlank @Size(max = 60) String therapistName) {
    }

    @PostMapping("/therapists")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Invite a therapist by their therapist code; this is your consent, the other partner's is still needed")
    void inviteTherapist(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                         @Valid @RequestBody InviteTherapistRequest request) {
        commands.sendAndWait(new InviteTherapist(coupleId, actor.partnerId(), request.therapistCode().strip(),
                request.therapistName().strip()));
    }

    @PostMapping("/therapists/{therapistId}/consent")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Consent to the invited therapist observing your couple")
    void consentToTherapist(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                            @PathVariable String therapistId) {
        commands.sendAndWait(new GrantTherapistAccess(coupleId, actor.partnerId(), therapistId));
    }

    @PostMapping("/therapists/{therapistId}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw consent: the therapist's access, live views included, ends at once")
    void withdrawTherapistConsent(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                                  @PathVariable String therapistId) {
        commands.sendAndWait(new WithdrawTherapistAccess(coupleId, actor.partnerId(), therapistId));
    }
}
