package app.duet.api.couple;

/** Asks for the overview of the couple a partner belongs to. */
public record FindCoupleOfPartner(String partnerId) {
}
