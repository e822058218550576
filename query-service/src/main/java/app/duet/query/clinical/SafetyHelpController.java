package app.duet.query.clinical;

import app.duet.access.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The help a partner raising a safety concern is shown: crisis contacts and where the quick exit goes. */
@RestController
@EnableConfigurationProperties(SafetyHelp.class)
@Tag(name = "Therapist only", description = "Private notes and safety concerns")
class SafetyHelpController {

    private final SafetyHelp help;

    SafetyHelpController(SafetyHelp help) {
        this.help = help;
    }

    @GetMapping("/api/queries/safety-help")
    @Operation(summary = "Whom to call now if in danger, and where the quick exit goes, as set for where Duet is used")
    SafetyHelp help(@Parameter(hidden = true) Actor actor) {
        return help;
    }
}
