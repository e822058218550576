package app.duet.api.couple;

import org.axonframework.serialization.Revision;

/** The second partner joined; the couple is complete and its invitation code is spent. */
@Revision("1")
public record PartnerJoinedCouple(String coupleId, String partnerId, String displayName) {
}
