package app.duet.command.session;

import app.duet.api.session.AnswerBid;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.DraftWritten;
import app.duet.api.session.EndSession;
import app.duet.api.session.EntryShared;
import app.duet.api.session.Exercise;
import app.duet.api.session.JoinSession;
import app.duet.api.session.LeaveSession;
import app.duet.api.session.MakeBid;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PartnerLeftSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.ShareEntry;
import app.duet.api.session.WriteDraft;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.duet.command.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One live exercise run by the two partners of a couple. Started only by its {@code Couple}. */
@Aggregate
public class JointSession {

    @AggregateIdentifier
    private String sessionId;
    private List<String> partnerIds;
    private final Set<String> present = new HashSet<>();
    /** Who each bid was made to. */
    private final Map<String, String> bidRecipients = new HashMap<>();
    private final Set<String> answeredBids = new HashSet<>();
    /**
     * Each partner's entries, keyed by author and entry id: ids are chosen by the author's screen,
     * so one partner can neither reach nor even detect the other's entries by guessing an id.
     */
    private final Set<String> entries = new HashSet<>();
    private final Set<String> sharedEntries = new HashSet<>();
    private boolean ended;

    protected JointSession() {
        // Axon rebuilds the session from its events.
    }

    public JointSession(String sessionId, String coupleId, Exercise exercise, List<String> partnerIds,
                        String startedBy) {
        apply(new SessionStarted(sessionId, coupleId, exercise, partnerIds, startedBy));
    }

    @CommandHandler
    public void handle(JoinSession command) {
        requireRunningAndPartner(command.partnerId());
        if (!present.contains(command.partnerId())) {
            apply(new PartnerJoinedSession(sessionId, command.partnerId()));
        }
    }

    @CommandHandler
    public void handle(LeaveSession command) {
        requireRunningAndPartner(command.partnerId());
        require(present.contains(command.partnerId()), "not-present", "You are not in this session.");
        apply(new PartnerLeftSession(sessionId, command.partnerId()));
        if (present.isEmpty()) {
            apply(new SessionEnded(sessionId, null));
        }
    }

    @CommandHandler
    public void handle(EndSession command) {
        requireRunningAndPartner(command.partnerId());
        apply(new SessionEnded(sessionId, command.partnerId()));
    }

    @CommandHandler
    public void handle(MakeBid command) {
        requirePresent(command.partnerId());
        require(!bidRecipients.containsKey(command.bidId()), "duplicate-bid", "That bid was already made.");
        apply(new BidMade(sessionId, command.bidId(), command.partnerId(), otherPartner(command.partnerId()),
                command.words()));
    }

    @CommandHandler
    public void handle(AnswerBid command) {
        requirePresent(command.partnerId());
        String recipient = bidRecipients.get(command.bidId());
        require(recipient != null, "unknown-bid", "There is no such bid in this session.");
        require(recipient.equals(command.partnerId()), "own-bid",
                "Only the partner a bid was made to can answer it.");
        require(!answeredBids.contains(command.bidId()), "bid-already-answered", "This bid was already answered.");
        apply(new BidAnswered(sessionId, command.bidId(), command.partnerId(), command.response()));
    }

    @CommandHandler
    public void handle(WriteDraft command) {
        requirePresent(command.partnerId());
        require(!sharedEntries.contains(entryKey(command.partnerId(), command.entryId())), "entry-shared",
                "A shared entry is final.");
        apply(new DraftWritten(sessionId, command.entryId(), command.partnerId(), command.text()));
    }

    @CommandHandler
    public void handle(ShareEntry command) {
        requirePresent(command.partnerId());
        String entry = entryKey(command.partnerId(), command.entryId());
        require(entries.contains(entry), "unknown-entry", "You have no such entry in this session.");
        require(!sharedEntries.contains(entry), "entry-shared", "This entry is already shared.");
        apply(new EntryShared(sessionId, command.entryId(), command.partnerId()));
    }

    private static String entryKey(String authorId, String entryId) {
        return authorId + "/" + entryId;
    }

    private void requireRunningAndPartner(String partnerId) {
        require(partnerIds.contains(partnerId), "not-a-partner", "Only the couple's two partners take part.");
        require(!ended, "session-ended", "This session has ended; nothing more can happen in it.");
    }

    private void requirePresent(String partnerId) {
        requireRunningAndPartner(partnerId);
        require(present.contains(partnerId), "not-present", "Join the session before acting in it.");
    }

    private String otherPartner(String partnerId) {
        return partnerIds.get(0).equals(partnerId) ? partnerIds.get(1) : partnerIds.get(0);
    }

    @EventSourcingHandler
    void on(SessionStarted event) {
        sessionId = event.sessionId();
        partnerIds = List.copyOf(event.partnerIds());
    }

    @EventSourcingHandler
    void on(PartnerJoinedSession event) {
        present.add(event.partnerId());
    }

    @EventSourcingHandler
    void on(PartnerLeftSession event) {
        present.remove(event.partnerId());
    }

    @EventSourcingHandler
    void on(BidMade event) {
        bidRecipients.put(event.bidId(), event.toPartnerId());
    }

    @EventSourcingHandler
    void on(BidAnswered event) {
        answeredBids.add(event.bidId());
    }

    @EventSourcingHandler
    void on(DraftWritten event) {
        entries.add(entryKey(event.authorId(), event.entryId()));
    }

    @EventSourcingHandler
    void on(EntryShared event) {
        sharedEntries.add(entryKey(event.authorId(), event.entryId()));
    }

    @EventSourcingHandler
    void on(SessionEnded event) {
        ended = true;
        present.clear();
    }
}
