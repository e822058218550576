package app.duet.api.pairing;

/** Asks for one couple's overview. */
public record FindCouple(String coupleId) {
}
