package app.duet.query.session;

import app.duet.api.session.BidResponse;
import app.duet.api.session.BidView;
import app.duet.api.session.DraftView;
import app.duet.api.session.EntryView;
import app.duet.api.session.Exercise;
import app.duet.api.session.ParticipantView;
import app.duet.api.session.SessionStatus;
import app.duet.api.session.SessionView;
import app.duet.query.live.AppliedEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A joint session's live view as stored: who is present, the bids and their answers. */
@Document("session_views")
public class SessionDocument {

    @Id
    private String sessionId;
    @Indexed
    private String coupleId;
    private Exercise exercise;
    private SessionStatus status;
    private List<ParticipantView> partners = new ArrayList<>();
    private List<BidView> bids = new ArrayList<>();
    private List<EntryView> entries = new ArrayList<>();
    /** Unshared drafts by entry id. Never part of the view: each is read only by its author (see {@link #draftsOf}). */
    private Map<String, Draft> drafts = new HashMap<>();
    private Instant startedAt;
    private Instant endedAt;
    private AppliedEvents applied = new AppliedEvents();

    protected SessionDocument() {
    }

    SessionDocument(String sessionId, String coupleId, Exercise exercise, List<ParticipantView> partners,
                    Instant startedAt) {
        this.sessionId = sessionId;
        this.coupleId = coupleId;
        this.exercise = exercise;
        this.status = SessionStatus.RUNNING;
        this.partners = new ArrayList<>(partners);
        this.startedAt = startedAt;
    }

    void markPresent(String partnerId, boolean present) {
        partners.replaceAll(p -> p.partnerId().equals(partnerId)
                ? new ParticipantView(p.partnerId(), p.displayName(), present) : p);
    }

    void addBid(String bidId, String from, String to, String words, Instant madeAt) {
        bids.add(new BidView(bidId, from, to, words, madeAt, null, null));
    }

    void answerBid(String bidId, BidResponse response, Instant answeredAt) {
        updateBid(bidId, bid -> new BidView(bid.bidId(), bid.fromPartnerId(), bid.toPartnerId(), bid.words(),
                bid.madeAt(), response, answeredAt));
    }

    private void updateBid(String bidId, UnaryOperator<BidView> change) {
        bids.replaceAll(bid -> bid.bidId().equals(bidId) ? change.apply(bid) : bid);
    }

    record Draft(String entryId, String authorId, String text, Instant writtenAt) {
    }

    void writeDraft(String entryId, String authorId, String text, Instant at) {
        drafts.put(draftKey(authorId, entryId), new Draft(entryId, authorId, text, at));
    }

    void share(String entryId, String authorId, Instant at) {
        Draft draft = drafts.remove(draftKey(authorId, entryId));
        if (draft != null) {
            entries.add(new EntryView(entryId, authorId, draft.text(), at));
        }
    }

    List<DraftView> draftsOf(String authorId) {
        return drafts.values().stream().filter(draft -> draft.authorId().equals(authorId))
                .map(draft -> new DraftView(draft.entryId(), draft.text(), draft.writtenAt()))
                .sorted(java.util.Comparator.comparing(DraftView::writtenAt)).toList();
    }

    /** Mongo field names may not contain dots; ids are UUID-like, so a colon is safe. */
    private static String draftKey(String authorId, String entryId) {
        return authorId + ":" + entryId;
    }

    void end(Instant at) {
        status = SessionStatus.ENDED;
        endedAt = at;
        partners.replaceAll(p -> new ParticipantView(p.partnerId(), p.displayName(), false));
    }

    String sessionId() {
        return sessionId;
    }

    AppliedEvents applied() {
        return applied;
    }

    public SessionView toView() {
        return new SessionView(sessionId, coupleId, exercise, status, List.copyOf(partners), List.copyOf(bids),
                List.copyOf(entries), startedAt, endedAt, applied.version());
    }
}
