package app.duet.query.cycle;

import app.duet.api.cycle.AdherenceView;
import app.duet.api.cycle.BidsView;
import app.duet.api.cycle.CycleRole;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.GottmanReference;
import app.duet.api.cycle.MoveRefView;
import app.duet.api.cycle.PartnerCycleView;
import app.duet.api.cycle.PhaseWindowView;
import app.duet.api.cycle.SessionRatioView;
import app.duet.api.cycle.ShareView;
import app.duet.api.cycle.TimelineItemView;
import app.duet.api.cycle.TimelineKind;
import app.duet.query.cycle.CycleStateDocument.Move;
import app.duet.query.cycle.CycleStateDocument.PartnerFigures;

import java.util.List;

/**
 * The view clients get of a stored cycle state: each partner's roles and bids against the research
 * reference, the signs of commitment, the window the phase was judged on, the ratios, the turning
 * points and the timeline, with every figure that lists its events. Every share is shown as small
 * while it is small ({@link ShareView}), with the minimum of the state's thresholds.
 */
final class CycleStateViews {

    private CycleStateViews() {
    }

    static CycleStateView of(CycleStateDocument state, List<CycleStateDocument.Noted> timeline) {
        GottmanReference reference = GottmanReference.BIDS_TURNED_TOWARD;
        int minimum = state.thresholds.minimumForShare();
        List<PartnerCycleView> partners = state.partnerIds.stream()
                .map(id -> partner(id, state.partners.get(id), reference, minimum)).toList();
        return new CycleStateView(state.coupleId, state.phase, state.phaseSince, state.selfReported, state.hasTherapist(),
                window(state), partners, reference,
                state.ratios.values().stream().map(r -> new SessionRatioView(r.sessionId(), r.exercise(), r.positive(),
                        r.negative())).toList(),
                List.copyOf(state.leanGap), adherence(state, minimum), state.openPacts.size(), state.resentmentsReleased,
                moveRef(state.lastSoftening), moveRef(state.lastReengagement),
                timeline.stream().map(noted -> new TimelineItemView(noted.at(), TimelineKind.of(noted.kind()),
                        noted.partnerId(), noted.sessionId(), noted.eventId(), noted.figure())).toList(),
                List.copyOf(state.figures), state.applied.version());
    }

    /**
     * The roles each partner's moves declare and show, the shown one only from the minimum number of moves
     * (a role is a reading of a share of them); the bids made to them, as they settled them.
     */
    private static PartnerCycleView partner(String id, PartnerFigures f, GottmanReference reference, int minimum) {
        ShareView toward = ShareView.of(f.toward, f.settled(), minimum);
        BidsView bids = new BidsView(f.toward, f.away, f.against, f.missed, Math.max(0, f.bidsMadeTo - f.settled()),
                toward, reference.band(toward));
        return new PartnerCycleView(id, role(f.declaredPursuing, f.declaredWithdrawing),
                f.shownPursuing + f.shownWithdrawing < minimum ? CycleRole.UNCLEAR : role(f.shownPursuing, f.shownWithdrawing),
                f.shownPursuing, f.shownWithdrawing, bids, f.lastLean,
                f.lastEnergy);
    }

    /** Homework is due from each partner; attendance counts each partner who came or missed. */
    private static AdherenceView adherence(CycleStateDocument state, int minimum) {
        int homeworkDue = state.homeworkSet * Math.max(1, state.partnerIds.size());
        return new AdherenceView(ShareView.of(state.checkpointPoints, state.checkpointsReviewed, minimum),
                state.homeworkSet, ShareView.of(state.homeworkDone, homeworkDue, minimum),
                ShareView.of(state.sessionsAttended, state.sessionsAttended + state.sessionsMissed, minimum),
                ShareView.of(state.babyStepsDone, state.babyStepFollowUps, minimum));
    }

    /** What the phase was judged on, and what a judgement still needs; a warm-to-hard ratio only with enough moments. */
    private static PhaseWindowView window(CycleStateDocument state) {
        CycleThresholds t = state.thresholds;
        CyclePhaseRules.Window w = CyclePhaseRules.Window.of(state);
        Double warmPerHard = w.warm() + w.hard() >= t.minimumForShare() && w.hard() > 0
                ? Math.round(10.0 * w.warm() / w.hard()) / 10.0 : null;
        return new PhaseWindowView(w.from(), state.latestEvidenceAt, w.sessions(), w.checkIns(), w.settledBids(), w.warm(),
                w.hard(), Math.max(0, t.sessionsForPhase() - w.sessions()), Math.max(0, t.checkInsForPhase() - w.checkIns()),
                Math.max(0, t.settledBidsForPhase() - w.settledBids()), warmPerHard);
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
