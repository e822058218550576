package app.duet.api.couple;

import org.axonframework.serialization.Revision;

/** A couple exists with its first partner; the invitation code lets the second one join. */
@Revision("1")
public record CoupleCreated(String coupleId, String partnerId, String displayName, String invitationCode) {
}
