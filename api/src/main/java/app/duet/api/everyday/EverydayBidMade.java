package app.duet.api.everyday;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A bid for connection made between sessions, to the other partner. */
@Revision("1")
public record EverydayBidMade(@DataOwner String coupleId, String bidId, String fromPartnerId, String toPartnerId, @PersonalData String words) {
}
