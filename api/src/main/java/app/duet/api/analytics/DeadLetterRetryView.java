package app.duet.api.analytics;

/** What retrying a projection's dead letters came to: sequences now applied, sequences failing still, letters left. */
public record DeadLetterRetryView(String projection, int sequencesApplied, int sequencesStillFailing, long deadLetters) {
}
