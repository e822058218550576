package app.duet.api.pairing;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The second partner joined; the couple is complete and its invitation code is spent. */
@Revision("1")
public record PartnerJoinedCouple(@DataOwner String coupleId, String partnerId, @PersonalData String displayName) {
}
