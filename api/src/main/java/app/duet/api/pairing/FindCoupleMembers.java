package app.duet.api.pairing;

/**
 * Asks for who is in a couple: its partners and therapists, as a {@link CoupleView} whose lists are
 * empty. Deciding who may read needs no more, and reading the lists grows with the couple's history.
 */
public record FindCoupleMembers(String coupleId) {
}
