package app.duet.query.exercise;

import app.duet.api.exercise.Act;
import app.duet.api.exercise.BabyStepCommitted;
import app.duet.api.exercise.BabyStepFollowUpView;
import app.duet.api.exercise.BabyStepFollowedUp;
import app.duet.api.exercise.BehaviourListed;
import app.duet.api.exercise.CommittedStepView;
import app.duet.api.exercise.SmallerStepOffered;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.query.live.LiveViews;
import app.duet.query.pairing.CoupleOverviews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The baby steps a couple committed to in their sessions, with each follow-up since, in the couple's
 * overview: what both partners (and a therapist they consented to) see between sessions, pushed as it
 * changes. A step's words come from the session's own events ({@link StepWords}); they reach the same
 * people the session's view showed them to, since the overview and the session are read by the same.
 */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class BabyStepsProjection {

    private final CoupleOverviews overviews;
    private final StepWordsRepository words;

    public BabyStepsProjection(CoupleOverviews overviews, StepWordsRepository words) {
        this.overviews = overviews;
        this.words = words;
    }

    // --- the words, while the session runs -------------------------------------------------------

    /** Only an exercise that offers baby steps needs its words kept. */
    @EventHandler
    public void on(SessionStarted event, @SequenceNumber long sequence) {
        if (!event.exercise().offers(Act.BABY_STEP)) {
            return;
        }
        StepWords session = words.findById(event.sessionId())
                .orElseGet(() -> new StepWords(event.sessionId(), event.coupleId()));
        apply(session, sequence, s -> { });
    }

    @EventHandler
    public void on(BehaviourListed event, @SequenceNumber long sequence) {
        update(event.sessionId(), sequence, s -> s.behaviour(event.authorId(), event.entryId(), event.words()));
    }

    @EventHandler
    public void on(SmallerStepOffered event, @SequenceNumber long sequence) {
        update(event.sessionId(), sequence, s -> s.smallerStep(event.listedBy(), event.behaviourEntryId(), event.words()));
    }

    /** Nothing is committed after the end: the words of what was not taken up go. */
    @EventHandler
    public void on(SessionEnded event) {
        words.deleteById(event.sessionId());
    }

    // --- the couple's overview -----------------------------------------------------------------

    @EventHandler
    public void on(BabyStepCommitted event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        Optional<StepWords> session = words.findById(event.sessionId());
        // Words are unknown only for a session started before this projection was (then rebuilt, they are known).
        CommittedStepView step = new CommittedStepView(event.sessionId(), event.behaviourEntryId(), event.listedBy(),
                event.committedBy(),
                session.map(s -> s.behaviourOf(event.listedBy(), event.behaviourEntryId())).orElse(null),
                event.smallerStep()
                        ? session.map(s -> s.smallerStepFor(event.listedBy(), event.behaviourEntryId())).orElse(null)
                        : null,
                at, 0, 0, null);
        overviews.updateBySession(event.sessionId(), sequence, replay, couple -> couple.addBabyStep(step));
    }

    @EventHandler
    public void on(BabyStepFollowedUp event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        overviews.updateBySession(event.sessionId(), sequence, replay, couple -> couple.followUpBabyStep(
                new BabyStepFollowUpView(event.followUpId(), event.sessionId(), event.behaviourEntryId(),
                        event.committedBy(), event.done(), at)));
    }

    /** An erased couple's words go with it (its overview goes with the couple's projection). */
    @EventHandler
    public void on(CoupleErased event) {
        words.deleteByCoupleId(event.coupleId());
    }

    @ResetHandler
    public void reset() {
        words.deleteAll();
    }

    private void update(String sessionId, long sequence, Consumer<StepWords> change) {
        words.findById(sessionId).ifPresent(session -> apply(session, sequence, change));
    }

    /** The words are nobody's view: applied once per event, nothing pushed. */
    private void apply(StepWords session, long sequence, Consumer<StepWords> change) {
        if (session.applied().applyQuietly(session.sessionId(), sequence, () -> change.accept(session))) {
            words.save(session);
        }
    }
}
