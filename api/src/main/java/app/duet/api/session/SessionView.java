package app.duet.api.session;

import app.duet.api.exercise.BabyStepView;
import app.duet.api.exercise.MoveView;
import app.duet.api.exercise.PactView;

import java.time.Instant;
import java.util.List;

/**
 * What the people in a session see, live: presence and steps, the observing therapist, shared and
 * revealed entries (never anyone's private drafts), both sides of the loop drawn from the shared
 * cycle links, the acts, and the outcome once it ends.
 * version counts the changes applied, without gaps.
 */
public record SessionView(String sessionId, String coupleId, Exercise exercise, SessionStatus status, boolean paused,
                          List<ParticipantView> partners, List<ObserverView> observers, List<StepView> steps,
                          List<EntryView> entries, List<LoopSideView> loop, List<BidView> bids, List<MoveView> moves,
                          List<BabyStepView> babySteps, List<PactView> pacts, OutcomeView outcome,
                          Instant startedAt, Instant endedAt, long version) {
}
