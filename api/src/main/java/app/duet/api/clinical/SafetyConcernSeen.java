package app.duet.api.clinical;

import org.axonframework.serialization.Revision;

/** A therapist who was told of a safety concern has read it; the banner on their screens goes. */
@Revision("1")
public record SafetyConcernSeen(String coupleId, String concernId, String therapistId) {
}
