package app.duet.command.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long the countdown runs between the second partner marking their answers ready and the reveal
 * ({@code duet.session.reveal-countdown}, five seconds unless set): long enough for both to look up
 * and see it coming, short enough to stay one moment.
 */
@ConfigurationProperties("duet.session")
public record RevealSettings(@DefaultValue("5s") Duration revealCountdown) {

    public RevealSettings {
        if (revealCountdown == null || revealCountdown.isNegative() || revealCountdown.isZero()) {
            throw new IllegalArgumentException("duet.session.reveal-countdown must be a positive duration");
        }
    }

    /** As the product ships. */
    public static RevealSettings defaults() {
        return new RevealSettings(Duration.ofSeconds(5));
    }
}
