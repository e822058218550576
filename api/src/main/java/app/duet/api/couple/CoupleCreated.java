package app.duet.api.couple;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A couple exists with its first partner; the invitation code lets the second one join. */
@Revision("1")
public record CoupleCreated(@DataOwner String coupleId, String partnerId, @PersonalData String displayName, String invitationCode) {
}
