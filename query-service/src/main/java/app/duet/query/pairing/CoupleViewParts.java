package app.duet.query.pairing;

import app.duet.api.commitment.AttendanceView;
import app.duet.api.commitment.CommitmentView;
import app.duet.api.commitment.HomeworkView;
import app.duet.api.consent.TherapistView;
import app.duet.api.everyday.AppreciationView;
import app.duet.api.everyday.LeanView;
import app.duet.api.exercise.BabyStepFollowUpView;
import app.duet.api.exercise.CommittedStepView;
import app.duet.api.lists.ListItemView;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.PartnerView;
import app.duet.api.session.BidView;
import app.duet.api.session.SessionSummaryView;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static app.duet.query.pairing.CoupleLists.APPRECIATIONS;
import static app.duet.query.pairing.CoupleLists.ATTENDANCE;
import static app.duet.query.pairing.CoupleLists.BABY_STEPS;
import static app.duet.query.pairing.CoupleLists.CHECK_INS;
import static app.duet.query.pairing.CoupleLists.COMMITMENTS;
import static app.duet.query.pairing.CoupleLists.EVERYDAY_BIDS;
import static app.duet.query.pairing.CoupleLists.FOLLOW_UPS;
import static app.duet.query.pairing.CoupleLists.HOMEWORK;
import static app.duet.query.pairing.CoupleLists.SESSIONS;
import static app.duet.query.pairing.CoupleLists.SHARED;

/** How a couple overview's view is put together from its document's small part and its lists' items. */
final class CoupleViewParts {

    private CoupleViewParts() {
    }

    /** Each list as given (those not given are empty); sessions newest first. */
    static CoupleView view(String coupleId, List<PartnerView> partners, String invitationCode,
                           List<TherapistView> therapists, Map<String, List<Object>> lists, long version) {
        return new CoupleView(coupleId, partners, invitationCode, partners.size() == 2,
                reversed(CoupleViewParts.<SessionSummaryView>list(lists, SESSIONS)), therapists,
                CoupleViewParts.<BidView>list(lists, EVERYDAY_BIDS),
                CoupleViewParts.<LeanView>list(lists, CHECK_INS),
                CoupleViewParts.<AppreciationView>list(lists, APPRECIATIONS),
                CoupleViewParts.<ListItemView>list(lists, SHARED),
                CoupleViewParts.<HomeworkView>list(lists, HOMEWORK),
                CoupleViewParts.<CommitmentView>list(lists, COMMITMENTS),
                CoupleViewParts.<AttendanceView>list(lists, ATTENDANCE),
                CoupleViewParts.<CommittedStepView>list(lists, BABY_STEPS),
                CoupleViewParts.<BabyStepFollowUpView>list(lists, FOLLOW_UPS),
                version);
    }

    /** The summary's small part with the lists of the part a change touched. */
    static CoupleView changedPart(CoupleView summary, CoupleView part) {
        return new CoupleView(summary.coupleId(), summary.partners(), summary.invitationCode(), summary.paired(),
                part.sessions(), summary.therapists(), part.everydayBids(), part.checkIns(), part.appreciations(),
                part.sharedLists(), part.homework(), part.commitments(), part.attendance(), part.babySteps(),
                part.babyStepFollowUps(), part.version());
    }

    /** Sessions are stored oldest first, as every list is, and shown newest first (as an earlier build kept them). */
    static <T> List<T> reversed(List<T> items) {
        List<T> reversed = new ArrayList<>(items);
        Collections.reverse(reversed);
        return List.copyOf(reversed);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, List<Object>> lists, String name) {
        return (List<T>) (List<?>) lists.getOrDefault(name, List.of());
    }
}
