package app.duet.command.consent;

import app.duet.access.Actor;
import app.duet.api.consent.GrantTherapistAccess;
import app.duet.api.consent.InviteTherapist;
import app.duet.api.consent.WithdrawTherapistAccess;
import app.duet.command.RuleViolation;
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

import java.util.regex.Pattern;

/** The couple's therapist: a partner invites them, both partners consent, and either may withdraw it. */
@RestController
@RequestMapping("/api/commands/couples/{coupleId}")
@Tag(name = "Therapist access", description = "Inviting a therapist; access begins once both partners consent and ends when either withdraws it")
class ConsentController {

    /** Codes of earlier builds: the therapist's account id itself. They keep working. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final CommandGateway commands;
    private final TherapistCodes codes;

    ConsentController(CommandGateway commands, TherapistCodes codes) {
        this.commands = commands;
        this.codes = codes;
    }

    /**
     * A therapist's code as their Duet screen shows it ({@code K7QF-2MZD}; an account id from earlier
     * builds works too). Their name may be left out: the one their account gives is used.
     */
    record InviteTherapistRequest(@NotBlank(message = "Please enter your therapist's code.")
                                  @jakarta.validation.constraints.Pattern(
                                          regexp = "[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|[A-Za-z0-9 -]{8,12}",
                                          message = "A therapist's code looks like K7QF-2MZD. Please check it against the one your therapist gave you.")
                                  String therapistCode,
                                  @Size(max = 60, message = "A name has at most 60 characters.") String therapistName) {
    }

    @PostMapping("/therapists")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Invite a therapist by their therapist code; this is your consent, the other partner's is still needed")
    void inviteTherapist(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                         @Valid @RequestBody InviteTherapistRequest request) {
        String typed = request.therapistCode().strip();
        String therapistId = ACCOUNT_ID.matcher(typed).matches() ? typed.toLowerCase(java.util.Locale.ROOT)
                : codes.byCode(typed).map(TherapistCodes.Therapist::therapistId).orElseThrow(() -> new RuleViolation(
                        "unknown-therapist-code", "therapistCode",
                        "No therapist has this code. Please check it against the one your therapist gave you."));
        String name = request.therapistName() == null || request.therapistName().isBlank()
                ? codes.nameOf(therapistId).orElseThrow(() -> new RuleViolation("therapist-name-needed", "therapistName",
                        "Please write your therapist's name, as you call them."))
                : request.therapistName().strip();
        commands.sendAndWait(new InviteTherapist(coupleId, actor.partnerId(), therapistId, name));
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
