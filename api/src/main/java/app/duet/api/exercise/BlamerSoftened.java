package app.duet.api.exercise;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A partner voiced the longing under their usual criticism; both see it as it happens. */
@Revision("1")
public record BlamerSoftened(@DataOwner String sessionId, String moveId, String partnerId, @PersonalData String words) {
}
