package app.duet.api.exercise;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A partner stated a need for closeness or for space (with its reassurance); private until revealed. */
@Revision("1")
public record NeedStated(@DataOwner String sessionId, String entryId, String authorId, String step, NeedKind need, @PersonalData String words, @PersonalData String reassurance) {
}
