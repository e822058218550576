package app.duet.api.session;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A partner made a bid for connection towards the other. */
@Revision("1")
public record BidMade(@DataOwner String sessionId, String bidId, String fromPartnerId, String toPartnerId, @PersonalData String words) {
}
