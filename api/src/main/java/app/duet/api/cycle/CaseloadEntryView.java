package app.duet.api.cycle;

import app.duet.api.pairing.PartnerView;
import app.duet.api.session.Exercise;

import java.time.Instant;
import java.util.List;

/**
 * One couple on a therapist's caseload: who they are, their last session (and the one running now,
 * if any, to observe), their phase, and which way it last moved.
 */
public record CaseloadEntryView(String coupleId, List<PartnerView> partners, Instant lastSessionAt, Exercise lastExercise,
                            String runningSessionId, Phase phase, Instant phaseSince, Trend trend) {

    /** Which way the phase last moved: toward connection, away from it, or not at all yet. */
    public enum Trend { IMPROVING, STEADY, WORSENING }
}
