package app.duet.api.session;

import java.util.List;

/**
 * One partner's side of the negative cycle as shared so far, links in the order the loop runs
 * (trigger to unmet need): put both sides together and one's behaviour is the other's trigger.
 */
public record LoopSideView(String partnerId, List<EntryView> links) {
}
