package app.duet.query.cycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The thresholds the cycle state's rules are written against ({@code duet.cycle.*}; the README lists
 * them). A share is shown as a percentage only from {@code minimumForShare} counted. A phase is judged
 * over the couple's history in the {@code phaseWindow} (whole days, UTC) up to its latest evidence, and only once that
 * window holds at least {@code sessionsForPhase} joint sessions, {@code checkInsForPhase} leans both
 * partners could see and {@code settledBidsForPhase} bids answered or missed; until then it is "not
 * enough yet". Connected needs {@code warmPerHardToConnect} warm moments to each hard one.
 */
@ConfigurationProperties("duet.cycle")
public record CycleThresholds(@DefaultValue("10") int minimumForShare,
                              @DefaultValue("28d") Duration phaseWindow,
                              @DefaultValue("2") int sessionsForPhase,
                              @DefaultValue("2") int checkInsForPhase,
                              @DefaultValue("10") int settledBidsForPhase,
                              @DefaultValue("5") int warmPerHardToConnect) {

    public static final CycleThresholds DEFAULTS = new CycleThresholds(10, Duration.ofDays(28), 2, 2, 10, 5);
}
