package app.duet.api.everyday;

import java.time.Instant;

/** Something one partner told the other they appreciate. */
public record AppreciationView(String appreciationId, String fromPartnerId, String toPartnerId, String words, Instant at) {
}
