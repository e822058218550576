package app.duet.api.couple;

/** One partner as their couple sees them. */
public record PartnerView(String partnerId, String displayName) {
}
