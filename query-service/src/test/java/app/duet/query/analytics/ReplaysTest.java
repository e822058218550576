package app.duet.query.analytics;

import app.duet.api.analytics.ReplayFrameView;
import app.duet.api.analytics.ReplayStatusView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import app.duet.query.support.InProcessMongo;
import org.mockito.ArgumentCaptor;
import org.springframework.messaging.simp.SimpMessagingTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

/**
 * The pace of a replay, without waiting for it: a scheduler that records each delay asked for and
 * runs the frame only when the test says so. Frames 10 s, 10 s and 5 min apart. The replays' state
 * is in an in-process MongoDB, shared by two instances where the test needs another.
 */
class ReplaysTest {

    @RegisterExtension
    static final InProcessMongo MONGO = new InProcessMongo();
    private static final Duration LEASE = ReplayInstances.LEASE;

    static final Instant T0 = Instant.parse("2026-05-01T18:00:00Z");
    static final List<ReplayFrames.Frame> FRAMES = List.of(
            frame(T0), frame(T0.plusSeconds(10)), frame(T0.plusSeconds(20)), frame(T0.plusSeconds(320)));

    private SettableClock clock;
    private ReplayStore store;
    private ReplayInstances instances;
    private SimpMessagingTemplate messaging;
    private ManualScheduler scheduler;
    private Replays replays;

    @BeforeEach
    void setUp() {
        instances = new ReplayInstances(MONGO.client(), "replays-test");
        clock = instances.clock;
        store = instances.store;
        ReplayInstances.Instance first = instances.start();
        replays = first.replays();
        messaging = first.pushes();
        scheduler = first.frames();
    }

    @Test
    void framesComeAtThePaceTheyHappenedDividedByTheSpeedWithLongSilencesShortened() {
        String id = replays.prepare("analyst", "couple", "s-1", FRAMES, 10).replayId();
        replays.resume(id, "analyst");
        for (int i = 0; i < FRAMES.size(); i++) {
            scheduler.runNext();
        }

        assertThat(scheduler.delays).containsExactly(0L, Duration.ofSeconds(1).toNanos(), Duration.ofSeconds(1).toNanos(),
                Duration.ofSeconds(6).toNanos());
        assertThat(sentFrames()).extracting(ReplayFrameView::index).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aNewSpeedTakesEffectFromTheNextFrame() {
        String id = replays.prepare("analyst", "couple", "s-1", FRAMES, 1).replayId();
        replays.resume(id, "analyst");
        scheduler.runNext();
        replays.speed(id, "analyst", 50);
        scheduler.runNext();

        assertThat(scheduler.delays).containsExactly(0L, Duration.ofSeconds(10).toNanos(),
                Duration.ofMillis(200).toNanos());
    }

    @Test
    void pauseStopsTheNextFrameAndResumeGoesOnFromThere() {
        String id = replays.prepare("analyst", "couple", "s-1", FRAMES, 50).replayId();
        replays.resume(id, "analyst");
        scheduler.runNext();
        ReplayStatusView paused = replays.pause(id, "analyst");
        scheduler.runNext();

        assertThat(paused.paused()).isTrue();
        assertThat(paused.position()).isEqualTo(1);
        assertThat(sentFrames()).extracting(ReplayFrameView::index).containsExactly(0);

        replays.resume(id, "analyst");
        scheduler.runNext();
        assertThat(sentFrames()).extracting(ReplayFrameView::index).containsExactly(0, 1);
    }

    @Test
    void seekMovesToAFrameAndAPlayingReplayGoesOnFromIt() {
        String id = replays.prepare("analyst", "couple", "s-1", FRAMES, 50).replayId();
        replays.resume(id, "analyst");
        replays.seek(id, "analyst", 3);
        scheduler.runNext();
        scheduler.runNext();

        assertThat(sentFrames()).extracting(ReplayFrameView::index).containsExactly(3);
        assertThatThrownBy(() -> replays.seek(id, "analyst", 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void speedsOutsideOneToFiftyAndOtherAnalystsAreRefused() {
        assertThatThrownBy(() -> replays.prepare("analyst", "couple", "s-1", FRAMES, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        String id = replays.prepare("analyst", "couple", "s-1", FRAMES, 1).replayId();
        assertThatThrownBy(() -> replays.speed(id, "analyst", 51)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> replays.resume(id, "someone else"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void anErasedCouplesReplayStopsAndIsGone() {
        String id = replays.prepare("analyst", "couple", "s-1", FRAMES, 50).replayId();
        replays.resume(id, "analyst");
        replays.forgetCouple("couple");
        scheduler.runNext();

        assertThat(replays.ownerOf(id)).isEmpty();
        assertThat(store.frame(id, 0)).isEmpty();
        assertThat(sentFrames()).isEmpty();
    }

    @Test
    void anErasureAlsoTakesFramesWhoseReplayIsGoneOrNotYetWhole() {
        String id = replays.prepare("analyst", "couple", "s-1", FRAMES, 50).replayId();
        String other = replays.prepare("analyst", "another couple", "s-2", FRAMES, 50).replayId();
        // As if the erasure had run between the frames and the state: frames whose state is not there.
        MONGO.client().getDatabase("replays-test").getCollection("replays").deleteOne(new org.bson.Document("_id", id));

        replays.forgetCouple("couple");

        assertThat(store.frame(id, 0)).isEmpty();
        assertThat(store.frame(id, FRAMES.size() - 1)).isEmpty();
        assertThat(store.frame(other, 0)).as("another couple's replay stays").isPresent();
    }

    @Test
    void aFrameKeepsEnumerationsNumbersAndStepsAndDropsEveryOtherString() {
        var link = new app.duet.api.exercise.CycleLinkRecorded("session-1", "entry-secret", "partner-b", "need",
                app.duet.api.exercise.CycleLink.UNMET_NEED, 8, null, "words nobody else may read");

        ReplayFrames.Frame frame = ReplayFrames.frame(link, T0, List.of("partner-a", "partner-b"));

        assertThat(frame.actor()).isEqualTo("B");
        assertThat(frame.details()).isEqualTo(Map.of("step", "need", "link", "UNMET_NEED", "intensity", 8));
        assertThat(frame.toString()).doesNotContain("words nobody", "entry-secret", "partner-b", "session-1");
    }

    @Test
    void anAnswerIsReplayedOnlyOnceLetOutAndAsItStoodThen() {
        var own = new app.duet.api.exercise.CycleLinkRecorded("session-1", "own-1", "partner-a", "trigger",
                app.duet.api.exercise.CycleLink.TRIGGER, 9, null, "kept to myself");
        var first = new app.duet.api.exercise.CycleLinkRecorded("session-1", "deep-1", "partner-b", "deeper-feeling",
                app.duet.api.exercise.CycleLink.PRIMARY_EMOTION, 3, null, "first try");
        var rewritten = new app.duet.api.exercise.CycleLinkRecorded("session-1", "deep-1", "partner-b", "deeper-feeling",
                app.duet.api.exercise.CycleLink.PRIMARY_EMOTION, 8, null, "second try");
        var lean = new app.duet.api.exercise.LeanRecorded("session-1", "couple-1", "lean-1", "partner-a", "lean",
                app.duet.api.exercise.Lean.OUT, 1);
        var revealed = new app.duet.api.session.AnswersRevealed("session-1", "deeper-feeling", "partner-a",
                List.of(new app.duet.api.session.AnswersRevealed.RevealedEntry("partner-b", "deep-1")));

        List<ReplayFrames.Frame> frames = ReplayFrames.of(List.of(
                event(0, new app.duet.api.session.SessionStarted("session-1", "couple-1",
                        app.duet.api.session.Exercise.RESENTMENT_TO_CLOSENESS, List.of("partner-a", "partner-b"), "partner-a")),
                event(1, own), event(2, first), event(3, rewritten), event(4, lean), event(5, revealed)));

        assertThat(frames).extracting(ReplayFrames.Frame::type)
                .containsExactly("SessionStarted", "AnswersRevealed", "CycleLinkRecorded");
        assertThat(frames.get(2).details()).containsEntry("intensity", 8);
        assertThat(frames.get(2).at()).as("at the reveal, not when written").isEqualTo(T0.plusSeconds(5));
        assertThat(frames.toString()).doesNotContain("OUT", "TRIGGER");
    }

    private static org.axonframework.eventhandling.DomainEventMessage<?> event(long sequence, Object payload) {
        return new org.axonframework.eventhandling.GenericDomainEventMessage<>("JointSession", "session-1", sequence,
                payload, org.axonframework.messaging.MetaData.emptyInstance(), java.util.UUID.randomUUID().toString(),
                T0.plusSeconds(sequence));
    }

    private List<ReplayFrameView> sentFrames() {
        return sentFrames(messaging);
    }

    static List<ReplayFrameView> sentFrames(SimpMessagingTemplate pushes) {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        try {
            verify(pushes, atLeastOnce()).convertAndSend(anyString(), sent.capture());
        } catch (AssertionError nothingSent) {
            return List.of();
        }
        return sent.getAllValues().stream().filter(ReplayFrameView.class::isInstance).map(ReplayFrameView.class::cast).toList();
    }

    static ReplayFrames.Frame frame(Instant at) {
        return new ReplayFrames.Frame(at, "BidMade", "A", Map.of());
    }
}
