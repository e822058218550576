package app.duet.api.session;

import org.axonframework.serialization.Revision;
import java.util.List;

/** A joint session began for both partners of a couple; only they may take part. */
@Revision("1")
public record SessionStarted(String sessionId, String coupleId, Exercise exercise, List<String> partnerIds, String startedBy) {
}
