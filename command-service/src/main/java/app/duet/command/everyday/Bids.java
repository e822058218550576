package app.duet.command.everyday;

import app.duet.api.session.BidResponse;
import app.duet.command.ledger.ItemLedger;

import java.util.Optional;

import static app.duet.command.RuleViolation.require;

/**
 * The rules of bids for connection, the same between sessions and within one: a bid is made once,
 * and answered once, only by the partner it was made to, before it is missed. Which bids were made,
 * to whom, and which were answered or missed is the {@link ItemLedger}'s to know, not the owning
 * aggregate's.
 */
public final class Bids {

    private Bids() {
    }

    public static void requireNew(Optional<ItemLedger.Item> made) {
        require(made.isEmpty(), "duplicate-bid", "That bid was already made.");
    }

    public static void requireAnswerable(Optional<ItemLedger.Item> made, String partnerId, BidResponse response) {
        require(made.isPresent(), "unknown-bid", "There is no such bid.");
        require(made.get().addressedTo().equals(partnerId), "own-bid", "Only the partner a bid was made to can answer it.");
        require(made.get().state() != ItemLedger.State.MISSED, "bid-missed",
                "This bid went unanswered for too long and was missed: it can no longer be answered. Reach out with a new one.");
        require(!made.get().closed(), "bid-already-answered", "This bid was already answered.");
        require(response != null, "response-required", "Say whether you turn toward, away or against.");
    }
}
