package app.duet.api.everyday;

import org.axonframework.serialization.Revision;

/** A bid made between sessions got no answer before its window closed (by default 24 hours). */
@Revision("1")
public record EverydayBidMissed(String coupleId, String bidId, String fromPartnerId, String toPartnerId) {
}
