package app.duet.api.pairing;

import app.duet.api.consent.TherapistView;
import app.duet.api.session.SessionSummaryView;

import app.duet.api.commitment.AttendanceView;
import app.duet.api.commitment.CommitmentView;
import app.duet.api.commitment.HomeworkView;
import app.duet.api.everyday.AppreciationView;
import app.duet.api.everyday.LeanView;
import app.duet.api.exercise.BabyStepFollowUpView;
import app.duet.api.exercise.CommittedStepView;
import app.duet.api.lists.ListItemView;
import app.duet.api.session.BidView;

import java.util.List;

/**
 * What both partners (and a therapist they consented to) see of their couple: pairing, sessions,
 * therapists, and the life between sessions (the baby steps committed to in sessions and how each went
 * since among it); never a list item its author has not shared.
 * version counts the changes applied, without gaps.
 */
public record CoupleView(String coupleId, List<PartnerView> partners, String invitationCode, boolean paired,
                         List<SessionSummaryView> sessions, List<TherapistView> therapists, List<BidView> everydayBids,
                         List<LeanView> checkIns, List<AppreciationView> appreciations, List<ListItemView> sharedLists,
                         List<HomeworkView> homework, List<CommitmentView> commitments,
                         List<AttendanceView> attendance, List<CommittedStepView> babySteps,
                         List<BabyStepFollowUpView> babyStepFollowUps, long version) {
}
