package app.duet.api.exercise;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A partner proposed letting an old resentment go; both see the proposal. */
@Revision("1")
public record LetGoProposed(@DataOwner String sessionId, String pactId, String proposedBy, @PersonalData String words) {
}
