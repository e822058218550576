package app.duet.api.couple;

/** Asks for one couple's overview. */
public record FindCouple(String coupleId) {
}
