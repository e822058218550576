package app.duet.api.cycle;

import java.time.Instant;

/** The gap between the partners' latest leans (in 2, back 1, out 0) after a check-in: 0 to 2. */
public record LeanGapPointView(Instant at, int gap) {
}
