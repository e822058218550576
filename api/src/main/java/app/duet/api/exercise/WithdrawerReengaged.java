package app.duet.api.exercise;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A partner let the other in on their hurt instead of retreating; both see it as it happens. */
@Revision("1")
public record WithdrawerReengaged(@DataOwner String sessionId, String moveId, String partnerId, @PersonalData String words) {
}
