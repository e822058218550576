package app.duet.api.everyday;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A partner told the other something they appreciate about them. */
@Revision("1")
public record AppreciationExpressed(@DataOwner String coupleId, String appreciationId, String fromPartnerId, String toPartnerId, @PersonalData String words) {
}
