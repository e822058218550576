package app.duet.query.cycle;

import app.duet.api.cycle.AdherenceView;
import app.duet.api.cycle.CycleRole;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.GottmanReference;
import app.duet.api.cycle.MoveRefView;
import app.duet.api.cycle.PartnerCycleView;
import app.duet.api.cycle.SessionRatioView;
import app.duet.api.cycle.TimelineItemView;
import app.duet.api.cycle.TimelineKind;
import app.duet.query.cycle.CycleStateDocument.Move;
import app.duet.query.cycle.CycleStateDocument.PartnerFigures;

import java.util.List;

/**
 * The view clients get of a stored cycle state: each partner's roles and percentages against the
 * research reference, the signs of commitment as percentages, the ratios, the turning points and
 * the timeline, with every figure that lists its events.
 */
final class CycleStateViews {

    private CycleStateViews() {
    }

    static CycleStateView of(CycleStateDocument state, List<CycleStateDocument.Noted> timeline) {
        GottmanReference reference = GottmanReference.BIDS_TURNED_TOWARD;
        List<PartnerCycleView> partners = state.partnerIds.stream()
                .map(id -> partner(id, state.partners.get(id), reference)).toList();
        return new CycleStateView(state.coupleId, state.phase, state.phaseSince, partners, reference,
                state.ratios.values().stream().map(r -> new SessionRatioView(r.sessionId(), r.exercise(), r.positive(),
                        r.negative())).toList(),
                List.copyOf(state.leanGap), adherence(state), state.openPacts.size(), state.resentmentsReleased,
                moveRef(state.lastSoftening), moveRef(state.lastReengagement),
                timeline.stream().map(noted -> new TimelineItemView(noted.at(), TimelineKind.of(noted.kind()),
                        noted.partnerId(), noted.sessionId(), noted.eventId())).toList(),
                List.copyOf(state.figures), state.applied.version());
    }

    /** The roles each partner's moves declare and show; the share of bids they turned toward, once they answered one. */
    private static PartnerCycleView partner(String id, PartnerFigures f, GottmanReference reference) {
        Integer toward = f.bidsAnswered == 0 ? null : Math.round(100f * f.bidsTurnedToward / f.bidsAnswered);
        return new PartnerCycleView(id, role(f.declaredPursuing, f.declaredWithdrawing),
                role(f.shownPursuing, f.shownWithdrawing), f.shownPursuing, f.shownWithdrawing, f.bidsAnswered,
                f.bidsTurnedToward, toward, toward == null ? null : reference.band(toward), f.lastLean, f.lastEnergy);
    }

    /** Percentages of what was counted, null while there is nothing to count; homework is due from each partner. */
    private static AdherenceView adherence(CycleStateDocument state) {
        int homeworkDue = state.homeworkSet * Math.max(1, state.partnerIds.size());
        int meetings = state.sessionsAttended + state.sessionsMissed;
        return new AdherenceView(state.checkpointsReviewed, state.checkpointsReviewed == 0 ? null
                : (int) Math.round(100 * state.checkpointPoints / state.checkpointsReviewed),
                state.homeworkSet, state.homeworkDone,
                state.homeworkSet == 0 ? null : Math.round(100f * state.homeworkDone / homeworkDue),
                state.sessionsAttended, state.sessionsMissed,
                meetings == 0 ? null : Math.round(100f * state.sessionsAttended / meetings));
    }

    private static MoveRefView moveRef(Move move) {
        return move == null ? null : new MoveRefView(move.partnerId(), move.sessionId(), move.at(), move.confirmed());
    }

    private static CycleRole role(int pursuing, int withdrawing) {
        if (pursuing > withdrawing) {
            return CycleRole.PURSUER;
        }
        if (withdrawing > pursuing) {
            return CycleRole.WITHDRAWER;
        }
        return CycleRole.UNCLEAR;
    }
}
