package app.duet.api.commitment;

import org.axonframework.serialization.Revision;

/** One partner accepted the commitment as it stands. */
@Revision("1")
public record CommitmentAccepted(String coupleId, String commitmentId, String partnerId) {
}
