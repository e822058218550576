package app.duet.api.pairing;

/** Asks for the overview of the couple a partner belongs to. */
public record FindCoupleOfPartner(String partnerId) {
}
