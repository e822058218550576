package app.duet.command.everyday;

import app.duet.api.session.BidResponse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;

/**
 * The rules of bids for connection, the same between sessions and within one: a bid is made once,
 * and answered once, only by the partner it was made to. Its owner checks through it in its command
 * handlers and tells it, from its event sourcing handlers, which bids were made and answered.
 */
public final class Bids implements Serializable {

    /** Who each bid was made to. */
    private final Map<String, String> recipients = new HashMap<>();
    private final Set<String> answered = new HashSet<>();

    public void requireNew(String bidId) {
        require(!recipients.containsKey(bidId), "duplicate-bid", "That bid was already made.");
    }

    public void requireAnswerable(String bidId, String partnerId, BidResponse response) {
        String recipient = recipients.get(bidId);
        require(recipient != null, "unknown-bid", "There is no such bid.");
        require(recipient.equals(partnerId), "own-bid", "Only the partner a bid was made to can answer it.");
        require(!answered.contains(bidId), "bid-already-answered", "This bid was already answered.");
        require(response != null, "response-required", "Say whether you turn toward, away or against.");
    }

    public void made(String bidId, String toPartnerId) {
        recipients.put(bidId, toPartnerId);
    }

    public void answered(String bidId) {
        answered.add(bidId);
    }
}
