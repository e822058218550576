package app.duet.command.consent;

import app.duet.access.Actor;
import app.duet.api.access.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The code a therapist gives couples, so they can invite them. */
@RestController
@RequestMapping("/api/commands/therapist-code")
@Tag(name = "Therapist access", description = "Inviting a therapist; access begins once both partners consent and ends when either withdraws it")
class TherapistCodeController {

    private final TherapistCodes codes;

    TherapistCodeController(TherapistCodes codes) {
        this.codes = codes;
    }

    record TherapistCode(String therapistCode) {
    }

    /** A PUT: it makes sure the therapist has a code (issued the first time) and answers it, the same every time. */
    @PutMapping
    @Operation(summary = "Your therapist code, which couples enter to invite you (issued the first time you ask)")
    TherapistCode myCode(@Parameter(hidden = true) Actor actor) {
        actor.require(Role.THERAPIST);
        return new TherapistCode(codes.codeOf(actor.id(), actor.displayName()));
    }
}
