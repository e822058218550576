package app.duet.api.audit;

/** Asks for every read of a couple's content by a therapist or analyst, newest first. */
public record FindContentReads(String coupleId) {
}
