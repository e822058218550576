package app.duet.command.session;

import app.duet.api.exercise.Act;
import app.duet.api.exercise.AgreeToLetGo;
import app.duet.api.exercise.BabyStepChosen;
import app.duet.api.exercise.BabyStepCommitted;
import app.duet.api.exercise.BehaviourListed;
import app.duet.api.exercise.BlamerSoftened;
import app.duet.api.exercise.ChangeEvent;
import app.duet.api.exercise.ChangeEventConfirmed;
import app.duet.api.exercise.ChooseBabyStep;
import app.duet.api.exercise.CommitToBabyStep;
import app.duet.api.exercise.ConfirmChangeEvent;
import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleLinkRecorded;
import app.duet.api.exercise.EntryKind;
import app.duet.api.exercise.ExerciseStep;
import app.duet.api.exercise.LeanCheckedIn;
import app.duet.api.exercise.LetGoProposed;
import app.duet.api.exercise.ListBehaviour;
import app.duet.api.exercise.NeedKind;
import app.duet.api.exercise.NeedStated;
import app.duet.api.exercise.OfferSmallerStep;
import app.duet.api.exercise.ProposeLetGo;
import app.duet.api.exercise.Reassure;
import app.duet.api.exercise.ReassuranceWritten;
import app.duet.api.exercise.RecordCycleLink;
import app.duet.api.exercise.RecordLean;
import app.duet.api.exercise.ResentmentReleased;
import app.duet.api.exercise.Sharing;
import app.duet.api.exercise.SmallerStepOffered;
import app.duet.api.exercise.StateNeed;
import app.duet.api.exercise.VoiceReengagement;
import app.duet.api.exercise.VoiceSoftening;
import app.duet.api.exercise.WithdrawerReengaged;
import app.duet.api.session.AnswerBid;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.AnswersSubmitted;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.DraftWritten;
import app.duet.api.session.EndSession;
import app.duet.api.session.EntryShared;
import app.duet.api.session.Exercise;
import app.duet.api.session.JoinSession;
import app.duet.api.session.LeaveSession;
import app.duet.api.session.MakeBid;
import app.duet.api.session.MoveToStep;
import app.duet.api.session.ObserveSession;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PartnerLeftSession;
import app.duet.api.session.PartnerMovedToStep;
import app.duet.api.session.PauseSession;
import app.duet.api.session.ResumeSession;
import app.duet.api.session.RevealAnswers;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionPaused;
import app.duet.api.session.SessionResumed;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.ShareEntry;
import app.duet.api.session.StopObserving;
import app.duet.api.session.SubmitAnswers;
import app.duet.api.session.TherapistJoinedSession;
import app.duet.api.session.TherapistLeftSession;
import app.duet.api.session.WriteDraft;
import app.duet.command.RuleViolation;
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

/**
 * One live exercise run by the two partners of a couple, perhaps watched by their therapist.
 * Started only by its {@code Couple}. It holds what its rules need: who is present, each entry's
 * step and whether it reached the partner, the reveals, the baby steps and pacts; never the words.
 */
@Aggregate
public class JointSession {

    @AggregateIdentifier
    private String sessionId;
    private String coupleId;
    private Exercise exercise;
    private List<String> partnerIds;
    private final Set<String> present = new HashSet<>();
    private final Set<String> observers = new HashSet<>();
    /** Who each bid was made to. */
    private final Map<String, String> bidRecipients = new HashMap<>();
    private final Set<String> answeredBids = new HashSet<>();
    private final SessionEntries entries = new SessionEntries();
    private final BabySteps babySteps = new BabySteps();
    /** Softenings and re-engagements by move id, and which of them a therapist confirmed. */
    private final Map<String, ChangeEvent> moves = new HashMap<>();
    private final Map<String, String> moveAuthors = new HashMap<>();
    private final Set<String> confirmedMoves = new HashSet<>();
    /** Let-go pacts by id: who proposed each, and which were agreed. */
    private final Map<String, String> pactProposers = new HashMap<>();
    private final Set<String> releasedPacts = new HashSet<>();
    private boolean paused;
    private boolean ended;

    protected JointSession() {
        // Axon rebuilds the session from its events.
    }

    public JointSession(String sessionId, String coupleId, Exercise exercise, List<String> partnerIds,
                        String startedBy) {
        apply(new SessionStarted(sessionId, coupleId, exercise, partnerIds, startedBy));
    }

    // --- presence, steps, pause, observers, end -------------------------------------------------

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
    public void handle(MoveToStep command) {
        requirePresent(command.partnerId());
        require(exercise.step(command.step()).isPresent(), "unknown-step", "This exercise has no such step.");
        apply(new PartnerMovedToStep(sessionId, command.partnerId(), command.step()));
    }

    @CommandHandler
    public void handle(PauseSession command, ObservingTherapists consents) {
        requireRunningParticipant(command.byId(), consents);
        require(!paused, "already-paused", "The session is already paused.");
        apply(new SessionPaused(sessionId, command.byId()));
    }

    @CommandHandler
    public void handle(ResumeSession command, ObservingTherapists consents) {
        requireRunningParticipant(command.byId(), consents);
        require(paused, "not-paused", "The session is not paused.");
        apply(new SessionResumed(sessionId, command.byId()));
    }

    @CommandHandler
    public void handle(ObserveSession command, ObservingTherapists consents) {
        require(!ended, "session-ended", "This session has ended; nothing more can happen in it.");
        require(consents.observes(coupleId, command.therapistId()), "not-consented",
                "Only a therapist both partners consented to may observe this session.");
        // Always said, even if already observing: a withdrawn and renewed consent took the therapist
        // out of what the partners see, and they must see them back before the therapist acts.
        apply(new TherapistJoinedSession(sessionId, command.therapistId()));
    }

    @CommandHandler
    public void handle(StopObserving command) {
        require(observers.contains(command.therapistId()), "not-observing", "You are not observing this session.");
        apply(new TherapistLeftSession(sessionId, command.therapistId()));
    }

    // --- bids -----------------------------------------------------------------------------------

    @CommandHandler
    public void handle(MakeBid command) {
        requireActive(command.partnerId());
        require(!bidRecipients.containsKey(command.bidId()), "duplicate-bid", "That bid was already made.");
        apply(new BidMade(sessionId, command.bidId(), command.partnerId(), otherPartner(command.partnerId()),
                command.words()));
    }

    @CommandHandler
    public void handle(AnswerBid command) {
        requireActive(command.partnerId());
        String recipient = bidRecipients.get(command.bidId());
        require(recipient != null, "unknown-bid", "There is no such bid in this session.");
        require(recipient.equals(command.partnerId()), "own-bid",
                "Only the partner a bid was made to can answer it.");
        require(!answeredBids.contains(command.bidId()), "bid-already-answered", "This bid was already answered.");
        apply(new BidAnswered(sessionId, command.bidId(), command.partnerId(), command.response()));
    }

    // --- entries: private until shared or revealed ----------------------------------------------

    @CommandHandler
    public void handle(WriteDraft command) {
        requireWritable(command.partnerId(), command.entryId(), command.step(), EntryKind.TEXT);
        apply(new DraftWritten(sessionId, command.entryId(), command.partnerId(), command.step(), command.text()));
    }

    @CommandHandler
    public void handle(RecordCycleLink command) {
        ExerciseStep step = requireWritable(command.partnerId(), command.entryId(), command.step(), EntryKind.CYCLE_LINK);
        require(command.link() != null, "link-required", "Say which link of the cycle this is.");
        if (step.link() != null && step.link() != command.link()) {
            throw new RuleViolation("wrong-link",
                    "This step asks for the " + step.link().name().toLowerCase().replace('_', ' ') + ".");
        }
        require(command.intensity() >= 1 && command.intensity() <= 10, "intensity-out-of-range",
                "Intensity runs from 1 (faint) to 10 (overwhelming).");
        require((command.link() == CycleLink.BEHAVIOUR) == (command.move() != null), "move-with-behaviour",
                "A behaviour says what kind of move it was; other links do not.");
        apply(new CycleLinkRecorded(sessionId, command.entryId(), command.partnerId(), command.step(), command.link(),
                command.intensity(), command.move(), command.words()));
    }

    @CommandHandler
    public void handle(ListBehaviour command) {
        requireWritable(command.partnerId(), command.entryId(), command.step(), EntryKind.BEHAVIOUR);
        require(command.size() >= 1 && command.size() <= 5, "size-out-of-range",
                "Size runs from 1 (easy) to 5 (a big step).");
        apply(new BehaviourListed(sessionId, command.entryId(), command.partnerId(), command.step(), command.words(),
                command.size()));
    }

    @CommandHandler
    public void handle(StateNeed command) {
        requireWritable(command.partnerId(), command.entryId(), command.step(), EntryKind.NEED);
        require(command.need() != NeedKind.SPACE || hasWords(command.reassurance()), "space-needs-reassurance",
                "Asking for space comes with a reassurance: say what stays true while you are apart.");
        apply(new NeedStated(sessionId, command.entryId(), command.partnerId(), command.step(), command.need(),
                command.words(), command.reassurance()));
    }

    @CommandHandler
    public void handle(Reassure command) {
        requireWritable(command.partnerId(), command.entryId(), command.step(), EntryKind.REASSURANCE);
        require(entries.isVisible(otherPartner(command.partnerId()), command.needEntryId(), EntryKind.NEED),
                "unknown-need", "A reassurance answers a need your partner has let you see.");
        apply(new ReassuranceWritten(sessionId, command.entryId(), command.partnerId(), command.step(),
                command.needEntryId(), command.words()));
    }

    @CommandHandler
    public void handle(RecordLean command) {
        requireWritable(command.partnerId(), command.entryId(), command.step(), EntryKind.LEAN);
        require(command.lean() != null, "lean-required", "Say whether you lean in, back or out.");
        require(command.energy() >= 0 && command.energy() <= 10, "energy-out-of-range",
                "Energy runs from 0 (none left) to 10 (plenty).");
        apply(new LeanCheckedIn(coupleId, sessionId, command.entryId(), command.partnerId(), command.step(),
                command.lean(), command.energy()));
    }

    @CommandHandler
    public void handle(ShareEntry command) {
        requireActive(command.partnerId());
        String step = entries.stepOf(command.partnerId(), command.entryId());
        Sharing sharing = step == null ? Sharing.SHARED : exercise.step(step).orElseThrow().sharing();
        entries.requireShareable(command.partnerId(), command.entryId(), sharing);
        apply(new EntryShared(sessionId, command.entryId(), command.partnerId()));
    }

    @CommandHandler
    public void handle(SubmitAnswers command) {
        requireActive(command.partnerId());
        requireRevealedStep(command.step());
        entries.requireSubmittable(command.partnerId(), command.step());
        apply(new AnswersSubmitted(sessionId, command.step(), command.partnerId()));
    }

    @CommandHandler
    public void handle(RevealAnswers command) {
        requireActive(command.partnerId());
        requireRevealedStep(command.step());
        entries.requireRevealable(command.step(), partnerIds);
        apply(new AnswersRevealed(sessionId, command.step(), command.partnerId(), entries.answersAt(command.step())));
    }

    // --- acts: seen by both as they happen ------------------------------------------------------

    @CommandHandler
    public void handle(VoiceSoftening command) {
        requireAct(command.partnerId(), Act.SOFTENING, command.words());
        require(!moves.containsKey(command.moveId()), "duplicate-move", "That was already said.");
        apply(new BlamerSoftened(sessionId, command.moveId(), command.partnerId(), command.words()));
    }

    @CommandHandler
    public void handle(VoiceReengagement command) {
        requireAct(command.partnerId(), Act.REENGAGEMENT, command.words());
        require(!moves.containsKey(command.moveId()), "duplicate-move", "That was already said.");
        apply(new WithdrawerReengaged(sessionId, command.moveId(), command.partnerId(), command.words()));
    }

    @CommandHandler
    public void handle(ConfirmChangeEvent command, ObservingTherapists consents) {
        require(!ended, "session-ended", "This session has ended; nothing more can happen in it.");
        require(isObserving(command.therapistId(), consents), "not-observing",
                "Only the therapist observing this session confirms a change event.");
        ChangeEvent change = moves.get(command.moveId());
        require(change != null, "unknown-move", "There is no such softening or re-engagement in this session.");
        require(!confirmedMoves.contains(command.moveId()), "already-confirmed", "This move is already confirmed.");
        apply(new ChangeEventConfirmed(sessionId, command.moveId(), moveAuthors.get(command.moveId()), change,
                command.therapistId()));
    }

    @CommandHandler
    public void handle(ChooseBabyStep command) {
        String listedBy = requireBehaviourOfPartner(command.partnerId(), command.behaviourEntryId());
        babySteps.requireOpen(listedBy, command.behaviourEntryId());
        apply(new BabyStepChosen(sessionId, command.behaviourEntryId(), listedBy, command.partnerId()));
    }

    @CommandHandler
    public void handle(OfferSmallerStep command) {
        String listedBy = requireBehaviourOfPartner(command.partnerId(), command.behaviourEntryId());
        require(hasWords(command.words()), "words-required", "Say what smaller step you are willing to take.");
        babySteps.requireOpen(listedBy, command.behaviourEntryId());
        apply(new SmallerStepOffered(sessionId, command.behaviourEntryId(), listedBy, command.partnerId(),
                command.words()));
    }

    @CommandHandler
    public void handle(CommitToBabyStep command) {
        String listedBy = requireBehaviourOfPartner(command.partnerId(), command.behaviourEntryId());
        boolean smaller = babySteps.requireCommittable(listedBy, command.behaviourEntryId(), command.partnerId());
        apply(new BabyStepCommitted(sessionId, command.behaviourEntryId(), listedBy, command.partnerId(), smaller));
    }

    @CommandHandler
    public void handle(ProposeLetGo command) {
        requireAct(command.partnerId(), Act.LET_GO, command.words());
        require(!pactProposers.containsKey(command.pactId()), "duplicate-pact", "That pact was already proposed.");
        apply(new LetGoProposed(sessionId, command.pactId(), command.partnerId(), command.words()));
    }

    @CommandHandler
    public void handle(AgreeToLetGo command) {
        requireActive(command.partnerId());
        String proposer = pactProposers.get(command.pactId());
        require(proposer != null, "unknown-pact", "There is no such pact in this session.");
        require(!proposer.equals(command.partnerId()), "own-pact", "The other partner agrees to a pact you proposed.");
        require(!releasedPacts.contains(command.pactId()), "already-released", "This resentment is already let go.");
        apply(new ResentmentReleased(sessionId, command.pactId(), proposer, command.partnerId()));
    }

    // --- rules shared by the handlers -----------------------------------------------------------

    private void requireRunningAndPartner(String partnerId) {
        require(partnerIds.contains(partnerId), "not-a-partner", "Only the couple's two partners take part.");
        require(!ended, "session-ended", "This session has ended; nothing more can happen in it.");
    }

    private void requirePresent(String partnerId) {
        requireRunningAndPartner(partnerId);
        require(present.contains(partnerId), "not-present", "Join the session before acting in it.");
    }

    /** Writing, sharing and acting: a present partner in a session that is neither ended nor paused. */
    private void requireActive(String partnerId) {
        requirePresent(partnerId);
        require(!paused, "session-paused", "The session is paused; resume it to go on.");
    }

    private void requireRunningParticipant(String actorId, ObservingTherapists consents) {
        require(!ended, "session-ended", "This session has ended; nothing more can happen in it.");
        require(present.contains(actorId) || isObserving(actorId, consents), "not-present",
                "Only the partners in the session, or its observing therapist, pause and resume it.");
    }

    private boolean isObserving(String therapistId, ObservingTherapists consents) {
        return observers.contains(therapistId) && consents.observes(coupleId, therapistId);
    }

    private ExerciseStep requireWritable(String authorId, String entryId, String stepKey, EntryKind kind) {
        requireActive(authorId);
        ExerciseStep step = exercise.step(stepKey).orElseThrow(() -> new RuleViolation(
                "unknown-step", "This exercise has no such step."));
        require(step.accepts(kind), "wrong-step", "This step does not take that kind of answer.");
        entries.requireWritable(authorId, entryId, step, kind);
        return step;
    }

    private void requireRevealedStep(String stepKey) {
        require(exercise.step(stepKey).map(step -> step.sharing() == Sharing.REVEALED).orElse(false),
                "not-a-reveal-step", "Only steps whose answers are revealed together are submitted and revealed.");
    }

    private void requireAct(String partnerId, Act act, String words) {
        requireActive(partnerId);
        require(exercise.offers(act), "not-in-this-exercise", "This exercise does not offer that.");
        require(hasWords(words), "words-required", "Put it into words first.");
    }

    /** The baby step is on the other partner's revealed list; returns who listed it. */
    private String requireBehaviourOfPartner(String partnerId, String behaviourEntryId) {
        requireActive(partnerId);
        require(exercise.offers(Act.BABY_STEP), "not-in-this-exercise", "This exercise does not offer that.");
        String listedBy = otherPartner(partnerId);
        require(entries.isVisible(listedBy, behaviourEntryId, EntryKind.BEHAVIOUR), "smaller-step-needs-behaviour",
                "Baby steps answer a behaviour on your partner's list, once the lists are revealed.");
        return listedBy;
    }

    private static boolean hasWords(String words) {
        return words != null && !words.isBlank();
    }

    private String otherPartner(String partnerId) {
        return partnerIds.get(0).equals(partnerId) ? partnerIds.get(1) : partnerIds.get(0);
    }

    // --- state from events ----------------------------------------------------------------------

    @EventSourcingHandler
    void on(SessionStarted event) {
        sessionId = event.sessionId();
        coupleId = event.coupleId();
        exercise = event.exercise();
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
    void on(SessionPaused event) {
        paused = true;
    }

    @EventSourcingHandler
    void on(SessionResumed event) {
        paused = false;
    }

    @EventSourcingHandler
    void on(TherapistJoinedSession event) {
        observers.add(event.therapistId());
    }

    @EventSourcingHandler
    void on(TherapistLeftSession event) {
        observers.remove(event.therapistId());
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
        entries.written(event.authorId(), event.entryId(), event.step(), EntryKind.TEXT);
    }

    @EventSourcingHandler
    void on(CycleLinkRecorded event) {
        entries.written(event.authorId(), event.entryId(), event.step(), EntryKind.CYCLE_LINK);
    }

    @EventSourcingHandler
    void on(BehaviourListed event) {
        entries.written(event.authorId(), event.entryId(), event.step(), EntryKind.BEHAVIOUR);
    }

    @EventSourcingHandler
    void on(NeedStated event) {
        entries.written(event.authorId(), event.entryId(), event.step(), EntryKind.NEED);
    }

    @EventSourcingHandler
    void on(ReassuranceWritten event) {
        entries.written(event.authorId(), event.entryId(), event.step(), EntryKind.REASSURANCE);
    }

    @EventSourcingHandler
    void on(LeanCheckedIn event) {
        entries.written(event.partnerId(), event.checkInId(), event.step(), EntryKind.LEAN);
    }

    @EventSourcingHandler
    void on(EntryShared event) {
        entries.shared(event.authorId(), event.entryId());
    }

    @EventSourcingHandler
    void on(AnswersSubmitted event) {
        entries.submitted(event.partnerId(), event.step());
    }

    @EventSourcingHandler
    void on(AnswersRevealed event) {
        entries.revealed(event.step(), event.entries());
    }

    @EventSourcingHandler
    void on(BlamerSoftened event) {
        moves.put(event.moveId(), ChangeEvent.BLAMER_SOFTENING);
        moveAuthors.put(event.moveId(), event.partnerId());
    }

    @EventSourcingHandler
    void on(WithdrawerReengaged event) {
        moves.put(event.moveId(), ChangeEvent.WITHDRAWER_REENGAGEMENT);
        moveAuthors.put(event.moveId(), event.partnerId());
    }

    @EventSourcingHandler
    void on(ChangeEventConfirmed event) {
        confirmedMoves.add(event.moveId());
    }

    @EventSourcingHandler
    void on(BabyStepChosen event) {
        babySteps.chosen(event.listedBy(), event.behaviourEntryId(), event.chosenBy());
    }

    @EventSourcingHandler
    void on(SmallerStepOffered event) {
        babySteps.smallerStepOffered(event.listedBy(), event.behaviourEntryId(), event.offeredBy());
    }

    @EventSourcingHandler
    void on(BabyStepCommitted event) {
        babySteps.committed(event.listedBy(), event.behaviourEntryId());
    }

    @EventSourcingHandler
    void on(LetGoProposed event) {
        pactProposers.put(event.pactId(), event.proposedBy());
    }

    @EventSourcingHandler
    void on(ResentmentReleased event) {
        releasedPacts.add(event.pactId());
    }

    @EventSourcingHandler
    void on(SessionEnded event) {
        ended = true;
        present.clear();
        observers.clear();
    }
}
