package app.duet.api.cycle;

import java.time.Instant;
import java.util.List;

/**
 * The couple's cycle state, rebuilt from events and never edited: the phase, since when, and what it
 * was judged on ({@code window}, which ends at the latest evidence); whether it rests on turning points
 * the couple reported themselves ({@code selfReported}: a couple without a therapist); each partner's
 * figures against the research reference, warm to hard moments per session, the lean gap over time,
 * signs of commitment, resentments open and released, the last turning points, and a timeline. Only what
 * both partners can see counts: an answer not yet shared or revealed moves no figure. Every figure lists
 * its events at {@code .../cycle-state/evidence/{figure}}.
 */
public record CycleStateView(String coupleId, Phase phase, Instant phaseSince, boolean selfReported,
                             boolean hasTherapist, PhaseWindowView window, List<PartnerCycleView> partners,
                             GottmanReference reference, List<SessionRatioView> sessions, List<LeanGapPointView> leanGap,
                             AdherenceView adherence, int resentmentsOpen, int resentmentsReleased,
                             MoveRefView lastSoftening, MoveRefView lastReengagement, List<TimelineItemView> timeline,
                             List<String> figures, long version) {
}
