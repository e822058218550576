package app.duet.api.pairing;

/** One partner as their couple sees them. */
public record PartnerView(String partnerId, String displayName) {
}
