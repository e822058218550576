package app.duet.command.everyday;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a bid waits for its answer before it is missed ({@code duet.bids.missed-after.*}). Between
 * sessions, {@code between-sessions} (24 hours unless set). In a session, until the session ends,
 * and no longer than {@code in-session} where that is set (unset by default).
 */
@ConfigurationProperties("duet.bids.missed-after")
public record BidWindows(@DefaultValue("24h") Duration betweenSessions, Duration inSession) {

    public BidWindows {
        if (betweenSessions == null || betweenSessions.isNegative() || betweenSessions.isZero()) {
            throw new IllegalArgumentException("duet.bids.missed-after.between-sessions must be a positive duration");
        }
        if (inSession != null && (inSession.isNegative() || inSession.isZero())) {
            throw new IllegalArgumentException("duet.bids.missed-after.in-session, when set, must be a positive duration");
        }
    }

    /** As the product ships: a day between sessions, the session's end within one. */
    public static BidWindows defaults() {
        return new BidWindows(Duration.ofHours(24), null);
    }

    public Optional<Duration> inSessionWindow() {
        return Optional.ofNullable(inSession);
    }
}
