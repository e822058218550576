package app.duet.query.analytics;

import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.EvidenceKind;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.MoveRefView;
import app.duet.api.cycle.PartnerCycleView;
import app.duet.api.cycle.SessionRatioView;
import app.duet.api.cycle.TimelineItemView;
import app.duet.query.cycle.CycleStateDocument;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Cycle states as analysts see them: the couple, its sessions and its partners under pseudonyms,
 * and nothing else that could name them. A cycle state holds no words to begin with.
 */
@Component
public class PseudonymisedStates {

    private final Pseudonyms pseudonyms;

    public PseudonymisedStates(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    public CycleStateView of(CycleStateDocument state) {
        CycleStateView view = state.toView();
        List<String> partnerIds = state.partnerIds();
        return new CycleStateView(pseudonyms.couple(view.coupleId()), view.phase(), view.phaseSince(), view.selfReported(),
                view.hasTherapist(), view.window(),
                view.partners().stream().map(p -> new PartnerCycleView(partner(partnerIds, p.partnerId()),
                        p.declaredRole(), p.shownRole(), p.pursuingMoves(), p.withdrawingMoves(), p.bids(), p.lastLean(),
                        p.lastEnergy())).toList(),
                view.reference(),
                view.sessions().stream().map(s -> new SessionRatioView(pseudonyms.session(s.sessionId()), s.exercise(),
                        s.positive(), s.negative())).toList(),
                view.leanGap(), view.adherence(), view.resentmentsOpen(), view.resentmentsReleased(),
                move(view.lastSoftening(), partnerIds), move(view.lastReengagement(), partnerIds),
                view.timeline().stream().map(item -> new TimelineItemView(item.at(), item.kind(),
                        partner(partnerIds, item.partnerId()), pseudonyms.session(item.sessionId()),
                        pseudonyms.event(item.eventId()), item.figure() == null ? null : figure(item.figure(), state)))
                        .toList(),
                view.figures().stream().map(figure -> figure(figure, state)).toList(), view.version());
    }

    public List<EvidenceRefView> evidence(CycleStateDocument state, String figure) {
        return state.evidenceFor(realFigure(figure, state)).stream().map(ref -> new EvidenceRefView(
                pseudonyms.event(ref.eventId()), ref.type(),
                ref.aggregateId().equals(state.coupleId()) ? pseudonyms.couple(ref.aggregateId())
                        : pseudonyms.session(ref.aggregateId()), ref.at())).toList();
    }

    /** A figure's name with the partner, session or event in it pseudonymised ("bids-toward:A"). */
    private String figure(String figure, CycleStateDocument state) {
        int colon = figure.indexOf(':');
        if (colon < 0) {
            return figure;
        }
        String id = figure.substring(colon + 1);
        if (EvidenceKind.ofFigure(figure) == EvidenceKind.PHASE_CHANGE) {
            return figure.substring(0, colon + 1) + pseudonyms.event(id);
        }
        String partner = partner(state.partnerIds(), id);
        return figure.substring(0, colon + 1) + (partner != null ? partner : pseudonyms.session(id));
    }

    /**
     * The real figure name for a pseudonymised one. Only names as analysts see them are known: asking
     * by a real id answers nothing, so it cannot confirm a guessed id either.
     */
    private String realFigure(String figure, CycleStateDocument state) {
        for (String real : state.toView().figures()) {
            if (figure(real, state).equals(figure)) {
                return real;
            }
        }
        throw new java.util.NoSuchElementException("This couple's state has no figure " + figure + ".");
    }

    private MoveRefView move(MoveRefView move, List<String> partnerIds) {
        return move == null ? null : new MoveRefView(partner(partnerIds, move.partnerId()), pseudonyms.session(move.sessionId()),
                move.at(), move.confirmed());
    }

    private static String partner(List<String> partnerIds, String partnerId) {
        return partnerId == null ? null : Pseudonyms.partner(partnerIds, partnerId);
    }
}
