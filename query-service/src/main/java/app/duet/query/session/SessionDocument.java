package app.duet.query.session;

import app.duet.api.exercise.BabyStepView;
import app.duet.api.exercise.ChangeEvent;
import app.duet.api.exercise.EntryKind;
import app.duet.api.exercise.ExerciseStep;
import app.duet.api.exercise.MoveView;
import app.duet.api.exercise.PactView;
import app.duet.api.session.AnswersRevealed.RevealedEntry;
import app.duet.api.session.BidView;
import app.duet.api.session.DraftView;
import app.duet.api.session.EntryDetails;
import app.duet.api.session.EntryView;
import app.duet.api.session.Exercise;
import app.duet.api.session.LoopSideView;
import app.duet.api.session.ObserverView;
import app.duet.api.session.OutcomeView;
import app.duet.api.session.ParticipantView;
import app.duet.api.session.SessionStatus;
import app.duet.api.session.SessionView;
import app.duet.api.session.StepView;
import app.duet.query.live.AppliedEvents;
import app.duet.query.live.HeldItems;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A joint session's live view as stored. Private drafts sit apart from everything the view shows
 * and leave it only by {@link #draftsOf} for their author, or into {@code entries} when shared or
 * revealed.
 */
@Document("session_views")
public class SessionDocument {

    @Id
    private String sessionId;
    @Indexed
    private String coupleId;
    private Exercise exercise;
    private SessionStatus status;
    private boolean paused;
    private List<ParticipantView> partners = new ArrayList<>();
    private List<ObserverView> observers = new ArrayList<>();
    /** Bids and shared entries an earlier build kept in this document; moved out to {@link SessionItem}s when read. */
    private List<BidView> bids = new ArrayList<>();
    private List<EntryView> entries = new ArrayList<>();
    /** The bids and shared entries, stored apart; their counts here. */
    private SessionItemsHeld items = new SessionItemsHeld();
    /** Unshared entries by author and id. Never part of the view: each is read only by its author. */
    private Map<String, Draft> drafts = new HashMap<>();
    @Unwrapped.Empty
    private StepsProgress progress = new StepsProgress();
    private List<MoveView> moves = new ArrayList<>();
    private List<BabyStepView> babySteps = new ArrayList<>();
    private List<PactView> pacts = new ArrayList<>();
    private OutcomeView outcome;
    private String endedBy;
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

    // --- presence, steps, pause, observers ------------------------------------------------------

    void markPresent(String partnerId, boolean present) {
        updatePartner(partnerId, p -> new ParticipantView(p.partnerId(), p.displayName(), present, p.step()));
    }

    void moveToStep(String partnerId, String step) {
        updatePartner(partnerId, p -> new ParticipantView(p.partnerId(), p.displayName(), p.present(), step));
    }

    private void updatePartner(String partnerId, UnaryOperator<ParticipantView> change) {
        partners.replaceAll(p -> p.partnerId().equals(partnerId) ? change.apply(p) : p);
    }

    /** A pause holds the countdowns to reveals; resuming starts each again (its own event). */
    void pause(boolean paused) {
        this.paused = paused;
        if (paused) {
            progress.stopCountdowns();
        }
    }

    void observe(String therapistId, String displayName) {
        if (observers.stream().noneMatch(o -> o.therapistId().equals(therapistId))) {
            observers.add(new ObserverView(therapistId, displayName));
        }
    }

    void stopObserving(String therapistId) {
        observers.removeIf(o -> o.therapistId().equals(therapistId));
    }

    boolean isObservedBy(String therapistId) {
        return observers.stream().anyMatch(o -> o.therapistId().equals(therapistId));
    }

    // --- bids -----------------------------------------------------------------------------------

    void addBid(String bidId, String from, String to, String words, Instant madeAt) {
        items.addBid(sessionId, coupleId, BidView.made(bidId, from, to, words, madeAt));
    }

    /** A bid answered or missed. */
    void changeBid(String bidId, UnaryOperator<BidView> change) {
        items.changeBid(sessionId, bidId, change);
    }

    // --- entries --------------------------------------------------------------------------------

    /** A private entry as stored; step and kind are null in drafts stored before exercises had steps. */
    record Draft(String entryId, String authorId, String step, EntryKind kind, String text, EntryDetails details,
                 Instant writtenAt) {

        String stepOrNotes() {
            return step == null ? ExerciseStep.NOTES.key() : step;
        }

        EntryKind kindOrText() {
            return kind == null ? EntryKind.TEXT : kind;
        }
    }

    /** A private entry of any kind (the exercise projection writes most of them): its author's alone. */
    public void writeDraft(String entryId, String authorId, String step, EntryKind kind, String text,
                           EntryDetails details, Instant at) {
        drafts.put(draftKey(authorId, entryId), new Draft(entryId, authorId, step, kind, text, details, at));
    }

    void share(String entryId, String authorId, Instant at) {
        Draft draft = drafts.remove(draftKey(authorId, entryId));
        if (draft != null) {
            items.addEntry(sessionId, coupleId, new EntryView(entryId, authorId, draft.stepOrNotes(),
                    draft.kindOrText(), draft.text(), Objects.requireNonNullElse(draft.details(), EntryDetails.NONE), at));
        }
    }

    StepsProgress progress() {
        return progress;
    }

    /** Both partners' answers enter the view together: one change, one push. */
    void reveal(String step, List<RevealedEntry> answers, Instant at) {
        progress.revealed(step, at);
        answers.forEach(answer -> share(answer.entryId(), answer.authorId(), at));
    }

    List<DraftView> draftsOf(String authorId) {
        return drafts.values().stream().filter(draft -> draft.authorId().equals(authorId))
                .map(draft -> new DraftView(draft.entryId(), draft.stepOrNotes(), draft.kindOrText(), draft.text(),
                        Objects.requireNonNullElse(draft.details(), EntryDetails.NONE), draft.writtenAt(),
                        progress.isReady(draft.stepOrNotes(), authorId)))
                .sorted(Comparator.comparing(DraftView::writtenAt)).toList();
    }

    /** Mongo field names may not contain dots; ids are UUID-like, so a colon is safe. */
    private static String draftKey(String authorId, String entryId) {
        return authorId + ":" + entryId;
    }

    // --- acts (the exercise projection's, which builds their views) --------------------------------

    public void addMove(MoveView move) {
        moves.add(move);
    }

    public void updateMove(String moveId, UnaryOperator<MoveView> change) {
        moves.replaceAll(move -> move.moveId().equals(moveId) ? change.apply(move) : move);
    }

    public void addBabyStep(BabyStepView step) {
        babySteps.add(step);
    }

    /** A baby step is known by the behaviour it takes up and who listed it. */
    public void updateBabyStep(String behaviourEntryId, String listedBy, UnaryOperator<BabyStepView> change) {
        babySteps.replaceAll(step -> step.behaviourEntryId().equals(behaviourEntryId) && step.listedBy().equals(listedBy)
                ? change.apply(step) : step);
    }

    public void addPact(PactView pact) {
        pacts.add(pact);
    }

    public void updatePact(String pactId, UnaryOperator<PactView> change) {
        pacts.replaceAll(pact -> pact.pactId().equals(pactId) ? change.apply(pact) : pact);
    }

    // --- the end --------------------------------------------------------------------------------

    void end(String endedBy, Instant at) {
        status = SessionStatus.ENDED;
        endedAt = at;
        paused = false;
        progress.stopCountdowns();
        this.endedBy = endedBy;
        partners.replaceAll(p -> new ParticipantView(p.partnerId(), p.displayName(), false, p.step()));
        observers.clear();
        outcome = summarise();
    }

    /** Every figure counts what the session's events left in this view. */
    private OutcomeView summarise() {
        List<String> stepsRevealed = exercise.steps().stream().map(ExerciseStep::key)
                .filter(progress::isRevealed).toList();
        return new OutcomeView(endedBy, Duration.between(startedAt, endedAt).toMinutes(), stepsRevealed,
                items.entries,
                (int) moves.stream().filter(m -> m.change() == ChangeEvent.BLAMER_SOFTENING).count(),
                (int) moves.stream().filter(m -> m.change() == ChangeEvent.WITHDRAWER_REENGAGEMENT).count(),
                (int) moves.stream().filter(m -> !m.confirmedBy().isEmpty()).count(),
                (int) babySteps.stream().filter(BabyStepView::committed).count(),
                (int) pacts.stream().filter(p -> p.releasedAt() != null).count(),
                items.bids, items.bidsTurnedToward);
    }

    String sessionId() {
        return sessionId;
    }

    String coupleId() {
        return coupleId;
    }

    boolean isRunning() {
        return status == SessionStatus.RUNNING;
    }

    AppliedEvents applied() {
        return applied;
    }

    /**
     * Reads its stored bids and entries through {@code reader}; those an earlier build kept in the
     * document become changes, stored apart at the next save.
     */
    SessionDocument readingFrom(SessionItems.Reader reader) {
        items.readFrom(reader);
        bids.forEach(bid -> items.addBid(sessionId, coupleId, bid));
        entries.forEach(entry -> items.addEntry(sessionId, coupleId, entry));
        bids.clear();
        entries.clear();
        return this;
    }

    HeldItems.Changed<SessionItem> takeChanged() {
        return items.takeChanged();
    }

    /** Each partner's shared cycle links in loop order; a partner with none has an empty side. */
    private List<LoopSideView> loop() {
        List<EntryView> links = items.cycleLinks();
        return partners.stream().map(partner -> new LoopSideView(partner.partnerId(), links.stream()
                .filter(entry -> entry.kind() == EntryKind.CYCLE_LINK && entry.authorId().equals(partner.partnerId()))
                .sorted(Comparator.comparing((EntryView entry) -> ((EntryDetails.Link) entry.details()).link())
                        .thenComparing(EntryView::sharedAt))
                .toList())).toList();
    }

    /** The whole view, its bids and entries read from where they are stored. */
    public SessionView toView() {
        return view(items.entries(true), items.bids(true));
    }

    /** The view with only the bids and entries this change added or changed: what a push compares. */
    SessionView changedPart() {
        return view(items.entries(false), items.bids(false));
    }

    private SessionView view(List<EntryView> entries, List<BidView> bids) {
        List<StepView> steps = exercise.steps().stream().map(progress::view).toList();
        return new SessionView(sessionId, coupleId, exercise, status, paused, List.copyOf(partners),
                List.copyOf(observers), steps, List.copyOf(entries), loop(), List.copyOf(bids), List.copyOf(moves),
                List.copyOf(babySteps), List.copyOf(pacts), outcome, startedAt, endedAt, applied.version());
    }
}
