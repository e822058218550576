package app.duet.api.clinical;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A partner does not feel safe; only the therapists observing the couple at that moment are told. */
@Revision("1")
public record SafetyConcernRaised(@DataOwner String coupleId, String concernId, String partnerId,
                                  @PersonalData String words, List<String> therapistIds) {
}
