package app.duet.api.exercise;

import java.time.Instant;

/** A proposed pact to let a resentment go, and whether the other partner agreed. */
public record PactView(String pactId, String proposedBy, String words, Instant proposedAt, String agreedBy, Instant releasedAt) {
}
