package app.duet.command.commitment;

import app.duet.api.commitment.AcceptCommitment;
import app.duet.api.commitment.AdjustCommitment;
import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.commitment.CommitmentAccepted;
import app.duet.api.commitment.CommitmentAdjusted;
import app.duet.api.commitment.CommitmentConcluded;
import app.duet.api.commitment.CommitmentMade;
import app.duet.api.commitment.CommitmentOutcome;
import app.duet.api.commitment.CommitmentProposed;
import app.duet.api.commitment.ConcludeCommitment;
import app.duet.api.commitment.ProposeCommitment;
import app.duet.api.commitment.ReviewCheckpoint;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.consent.TherapistInvited;
import app.duet.command.couple.Couple;
import app.duet.command.notification.ReminderTimes;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static app.duet.command.BrokenRule.brokenRule;

/** Time-bound commitments: a therapist proposes, both partners accept, check-points are reviewed, it concludes. */
class CommitmentTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String THERAPIST = "therapist-lee";
    private static final String HALF_CONSENTED = "therapist-kim";
    private static final String COMMITMENT = "commitment-1";
    private static final Instant EXPIRES = Instant.parse("2026-03-08T19:00:00Z");

    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final LocalDate FIRST_CHECKPOINT = LocalDate.of(2026, 2, 2);
    private static final LocalDate IMPROVEMENT = LocalDate.of(2026, 3, 1);
    private static final LocalDate SECOND_CHECKPOINT = LocalDate.of(2026, 3, 2);
    private static final LocalDate END = LocalDate.of(2026, 3, 30);
    private static final LocalDate LATER_END = LocalDate.of(2026, 4, 27);
    private static final LocalDate LATER_IMPROVEMENT = LocalDate.of(2026, 4, 6);
    private static final Instant AFTER_BOTH_CHECKPOINTS = Instant.parse("2026-03-10T12:00:00Z");

    /** Both partners consented to the therapist; a second therapist has only Alex's consent. */
    private static final Object[] OBSERVED = {
            new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
            new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX), new TherapistAccessGranted(COUPLE, THERAPIST, SAM),
            new TherapistInvited(COUPLE, HALF_CONSENTED, "Dr. Kim", ALEX)};
    private static final CommitmentProposed PROPOSED = new CommitmentProposed(COUPLE, COMMITMENT, THERAPIST, START,
            END, IMPROVEMENT, List.of(FIRST_CHECKPOINT, SECOND_CHECKPOINT));
    private static final CommitmentAccepted ALEX_ACCEPTED = new CommitmentAccepted(COUPLE, COMMITMENT, ALEX);
    private static final CommitmentAccepted SAM_ACCEPTED = new CommitmentAccepted(COUPLE, COMMITMENT, SAM);
    private static final CommitmentMade MADE = new CommitmentMade(COUPLE, COMMITMENT, START, END, IMPROVEMENT);
    private static final CommitmentConcluded CONCLUDED =
            new CommitmentConcluded(COUPLE, COMMITMENT, CommitmentOutcome.CONTINUING, THERAPIST);

    private FixtureConfiguration<Couple> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Couple.class);
        fixture.registerInjectableResource(ReminderTimes.defaults());
    }

    private static ProposeCommitment propose(LocalDate startsOn, LocalDate endsOn, LocalDate improvementBy,
                                             List<LocalDate> checkpoints) {
        return new ProposeCommitment(COUPLE, THERAPIST, COMMITMENT, startsOn, endsOn, improvementBy, checkpoints);
    }

    // --- proposing ------------------------------------------------------------------------------

    @Test
    void theObservingTherapistProposesATimeBoundCommitment() {
        fixture.given(OBSERVED)
                .when(propose(START, END, IMPROVEMENT, List.of(FIRST_CHECKPOINT, SECOND_CHECKPOINT)))
                .expectEvents(PROPOSED);
    }

    @Test
    void theCheckpointsAreKeptInDateOrderWithoutRepeats() {
        fixture.given(OBSERVED)
                .when(propose(START, END, IMPROVEMENT, List.of(SECOND_CHECKPOINT, FIRST_CHECKPOINT, SECOND_CHECKPOINT)))
                .expectEvents(PROPOSED);
    }

    @Test
    void onlyAnObservingTherapistProposesACommitment() {
        fixture.given(OBSERVED)
                .when(new ProposeCommitment(COUPLE, HALF_CONSENTED, COMMITMENT, START, END, IMPROVEMENT, List.of()))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
        fixture.given(OBSERVED)
                .when(new ProposeCommitment(COUPLE, SAM, COMMITMENT, START, END, IMPROVEMENT, List.of()))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
        fixture.given(OBSERVED).andGiven(new TherapistAccessWithdrawn(COUPLE, THERAPIST, SAM))
                .when(propose(START, END, IMPROVEMENT, List.of()))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
    }

    @Test
    void aCommitmentIsProposedOnce() {
        fixture.given(OBSERVED).andGiven(PROPOSED)
                .when(propose(START, END, IMPROVEMENT, List.of()))
                .expectNoEvents()
                .expectException(brokenRule("duplicate-commitment"));
    }

    @Test
    void aCommitmentHasAStartAnEndAndAnImprovementDate() {
        fixture.given(OBSERVED)
                .when(propose(START, END, null, List.of()))
                .expectNoEvents()
                .expectException(brokenRule("dates-required"));
    }

    @Test
    void aCommitmentEndsAfterItStarts() {
        fixture.given(OBSERVED)
                .when(propose(START, START, START, List.of()))
                .expectNoEvents()
                .expectException(brokenRule("ends-before-start"));
        fixture.given(OBSERVED)
                .when(propose(END, START, IMPROVEMENT, List.of()))
                .expectNoEvents()
                .expectException(brokenRule("ends-before-start"));
    }

    @Test
    void theImprovementDateFallsAfterTheStartAndNoLaterThanTheEnd() {
        fixture.given(OBSERVED)
                .when(propose(START, END, START, List.of()))
                .expectNoEvents()
                .expectException(brokenRule("improvement-outside-span"));
        fixture.given(OBSERVED)
                .when(propose(START, END, END.plusDays(1), List.of()))
                .expectNoEvents()
                .expectException(brokenRule("improvement-outside-span"));
        fixture.given(OBSERVED)
                .when(propose(START, END, END, List.of()))
                .expectEvents(new CommitmentProposed(COUPLE, COMMITMENT, THERAPIST, START, END, END, List.of()));
    }

    @Test
    void checkpointsFallWithinTheSpan() {
        fixture.given(OBSERVED)
                .when(propose(START, END, IMPROVEMENT, List.of(START.minusDays(1))))
                .expectNoEvents()
                .expectException(brokenRule("checkpoint-outside-span"));
        fixture.given(OBSERVED)
                .when(propose(START, END, IMPROVEMENT, List.of(FIRST_CHECKPOINT, END.plusDays(1))))
                .expectNoEvents()
                .expectException(brokenRule("checkpoint-outside-span"));
    }

    // --- adjusting and accepting ----------------------------------------------------------------

    @Test
    void aPartnerOrTheObservingTherapistAdjustsACommitment() {
        fixture.given(OBSERVED).andGiven(PROPOSED)
                .when(new AdjustCommitment(COUPLE, SAM, COMMITMENT, LATER_END, LATER_IMPROVEMENT))
                .expectEvents(new CommitmentAdjusted(COUPLE, COMMITMENT, SAM, LATER_END, LATER_IMPROVEMENT));
        fixture.given(OBSERVED).andGiven(PROPOSED)
                .when(new AdjustCommitment(COUPLE, THERAPIST, COMMITMENT, LATER_END, LATER_IMPROVEMENT))
                .expectEvents(new CommitmentAdjusted(COUPLE, COMMITMENT, THERAPIST, LATER_END, LATER_IMPROVEMENT));
    }

    @Test
    void anAdjustmentChangesADate() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED)
                .when(new AdjustCommitment(COUPLE, SAM, COMMITMENT, END, IMPROVEMENT))
                .expectNoEvents()
                .expectException(brokenRule("no-change"));
    }

    @Test
    void everyCheckpointHasADay() {
        fixture.given(OBSERVED)
                .when(propose(START, END, IMPROVEMENT, java.util.Arrays.asList(FIRST_CHECKPOINT, null)))
                .expectNoEvents()
                .expectException(brokenRule("checkpoint-missing"));
    }

    @Test
    void onlyThePartiesAdjustACommitment() {
        fixture.given(OBSERVED).andGiven(PROPOSED)
                .when(new AdjustCommitment(COUPLE, HALF_CONSENTED, COMMITMENT, LATER_END, LATER_IMPROVEMENT))
                .expectNoEvents()
                .expectException(brokenRule("not-a-party"));
    }

    @Test
    void anAdjustmentResetsTheAcceptances() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED,
                        new CommitmentAdjusted(COUPLE, COMMITMENT, THERAPIST, LATER_END, LATER_IMPROVEMENT))
                .when(new AcceptCommitment(COUPLE, SAM, COMMITMENT))
                .expectEvents(SAM_ACCEPTED);
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED,
                        new CommitmentAdjusted(COUPLE, COMMITMENT, THERAPIST, LATER_END, LATER_IMPROVEMENT))
                .when(new AcceptCommitment(COUPLE, ALEX, COMMITMENT))
                .expectEvents(ALEX_ACCEPTED);
    }

    @Test
    void anAdjustedCommitmentIsMadeWithItsNewDates() {
        fixture.given(OBSERVED).andGiven(PROPOSED,
                        new CommitmentAdjusted(COUPLE, COMMITMENT, ALEX, LATER_END, LATER_IMPROVEMENT), ALEX_ACCEPTED)
                .when(new AcceptCommitment(COUPLE, SAM, COMMITMENT))
                .expectEvents(SAM_ACCEPTED,
                        new CommitmentMade(COUPLE, COMMITMENT, START, LATER_END, LATER_IMPROVEMENT));
    }

    @Test
    void anAdjustmentKeepsTheCommitmentCoherent() {
        fixture.given(OBSERVED).andGiven(PROPOSED)
                .when(new AdjustCommitment(COUPLE, SAM, COMMITMENT, START, START))
                .expectNoEvents()
                .expectException(brokenRule("ends-before-start"));
        fixture.given(OBSERVED).andGiven(PROPOSED)
                .when(new AdjustCommitment(COUPLE, SAM, COMMITMENT, END, LATER_IMPROVEMENT))
                .expectNoEvents()
                .expectException(brokenRule("improvement-outside-span"));
        fixture.given(OBSERVED).andGiven(PROPOSED)
                .when(new AdjustCommitment(COUPLE, SAM, COMMITMENT, null, IMPROVEMENT))
                .expectNoEvents()
                .expectException(brokenRule("dates-required"));
    }

    @Test
    void anAdjustedEndStaysAfterEveryCheckpoint() {
        fixture.given(OBSERVED).andGiven(PROPOSED)
                .when(new AdjustCommitment(COUPLE, SAM, COMMITMENT, SECOND_CHECKPOINT.minusDays(1),
                        FIRST_CHECKPOINT))
                .expectNoEvents()
                .expectException(brokenRule("checkpoint-outside-span"));
    }

    @Test
    void anUnknownCommitmentIsNeitherAdjustedNorAccepted() {
        fixture.given(OBSERVED)
                .when(new AdjustCommitment(COUPLE, SAM, COMMITMENT, LATER_END, LATER_IMPROVEMENT))
                .expectNoEvents()
                .expectException(brokenRule("unknown-commitment"));
        fixture.given(OBSERVED)
                .when(new AcceptCommitment(COUPLE, SAM, COMMITMENT))
                .expectNoEvents()
                .expectException(brokenRule("unknown-commitment"));
    }

    @Test
    void aConcludedCommitmentIsNeitherAdjustedNorAccepted() {
        fixture.given(OBSERVED).andGiven(PROPOSED, CONCLUDED)
                .when(new AdjustCommitment(COUPLE, SAM, COMMITMENT, LATER_END, LATER_IMPROVEMENT))
                .expectNoEvents()
                .expectException(brokenRule("commitment-concluded"));
        fixture.given(OBSERVED).andGiven(PROPOSED, CONCLUDED)
                .when(new AcceptCommitment(COUPLE, SAM, COMMITMENT))
                .expectNoEvents()
                .expectException(brokenRule("commitment-concluded"));
    }

    @Test
    void oneAcceptanceDoesNotMakeTheCommitment() {
        fixture.given(OBSERVED).andGiven(PROPOSED)
                .when(new AcceptCommitment(COUPLE, ALEX, COMMITMENT))
                .expectEvents(ALEX_ACCEPTED);
    }

    @Test
    void theCommitmentIsMadeOnceBothPartnersAccept() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED)
                .when(new AcceptCommitment(COUPLE, SAM, COMMITMENT))
                .expectEvents(SAM_ACCEPTED, MADE);
    }

    @Test
    void aPartnerAcceptsOnce() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED)
                .when(new AcceptCommitment(COUPLE, ALEX, COMMITMENT))
                .expectNoEvents()
                .expectException(brokenRule("already-accepted"));
    }

    @Test
    void onlyThePartnersAcceptACommitment() {
        fixture.given(OBSERVED).andGiven(PROPOSED)
                .when(new AcceptCommitment(COUPLE, THERAPIST, COMMITMENT))
                .expectNoEvents()
                .expectException(brokenRule("not-a-partner"));
    }

    // --- check-points and conclusion ------------------------------------------------------------

    @Test
    void theObservingTherapistReviewsACheckpointOfAMadeCommitment() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED, SAM_ACCEPTED, MADE)
                .when(new ReviewCheckpoint(COUPLE, THERAPIST, COMMITMENT, FIRST_CHECKPOINT, CheckpointOutcome.PARTLY_KEPT, AFTER_BOTH_CHECKPOINTS))
                .expectEvents(new CheckpointReviewed(COUPLE, COMMITMENT, FIRST_CHECKPOINT,
                        CheckpointOutcome.PARTLY_KEPT, THERAPIST));
    }

    @Test
    void noCheckpointIsReviewedBeforeBothPartnersAccept() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED)
                .when(new ReviewCheckpoint(COUPLE, THERAPIST, COMMITMENT, FIRST_CHECKPOINT, CheckpointOutcome.KEPT, AFTER_BOTH_CHECKPOINTS))
                .expectNoEvents()
                .expectException(brokenRule("not-made"));
    }

    @Test
    void newDatesAskBothPartnersAgainBeforeCheckpointsAreReviewed() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED, SAM_ACCEPTED, MADE,
                        new CommitmentAdjusted(COUPLE, COMMITMENT, SAM, LATER_END, LATER_IMPROVEMENT), ALEX_ACCEPTED)
                .when(new ReviewCheckpoint(COUPLE, THERAPIST, COMMITMENT, FIRST_CHECKPOINT, CheckpointOutcome.KEPT, AFTER_BOTH_CHECKPOINTS))
                .expectNoEvents()
                .expectException(brokenRule("not-made"));
    }

    @Test
    void onlyACheckpointOfTheCommitmentIsReviewed() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED, SAM_ACCEPTED, MADE)
                .when(new ReviewCheckpoint(COUPLE, THERAPIST, COMMITMENT, IMPROVEMENT, CheckpointOutcome.KEPT, AFTER_BOTH_CHECKPOINTS))
                .expectNoEvents()
                .expectException(brokenRule("unknown-checkpoint"));
    }

    @Test
    void aCheckpointIsReviewedOnce() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED, SAM_ACCEPTED, MADE,
                        new CheckpointReviewed(COUPLE, COMMITMENT, FIRST_CHECKPOINT, CheckpointOutcome.KEPT, THERAPIST))
                .when(new ReviewCheckpoint(COUPLE, THERAPIST, COMMITMENT, FIRST_CHECKPOINT, CheckpointOutcome.MISSED, AFTER_BOTH_CHECKPOINTS))
                .expectNoEvents()
                .expectException(brokenRule("already-reviewed"));
    }

    @Test
    void aReviewSaysHowTheCheckpointWent() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED, SAM_ACCEPTED, MADE)
                .when(new ReviewCheckpoint(COUPLE, THERAPIST, COMMITMENT, FIRST_CHECKPOINT, null, AFTER_BOTH_CHECKPOINTS))
                .expectNoEvents()
                .expectException(brokenRule("outcome-required"));
    }

    @Test
    void onlyAnObservingTherapistReviewsACheckpoint() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED, SAM_ACCEPTED, MADE)
                .when(new ReviewCheckpoint(COUPLE, ALEX, COMMITMENT, FIRST_CHECKPOINT, CheckpointOutcome.KEPT, AFTER_BOTH_CHECKPOINTS))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
    }

    @Test
    void theObservingTherapistConcludesACommitmentWithItsOutcome() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED, SAM_ACCEPTED, MADE)
                .when(new ConcludeCommitment(COUPLE, THERAPIST, COMMITMENT, CommitmentOutcome.PARTING))
                .expectEvents(new CommitmentConcluded(COUPLE, COMMITMENT, CommitmentOutcome.PARTING, THERAPIST));
    }

    @Test
    void aConclusionHasAnOutcome() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED, SAM_ACCEPTED, MADE)
                .when(new ConcludeCommitment(COUPLE, THERAPIST, COMMITMENT, null))
                .expectNoEvents()
                .expectException(brokenRule("outcome-required"));
    }

    @Test
    void aCommitmentIsConcludedOnce() {
        fixture.given(OBSERVED).andGiven(PROPOSED, CONCLUDED)
                .when(new ConcludeCommitment(COUPLE, THERAPIST, COMMITMENT, CommitmentOutcome.IMPROVED))
                .expectNoEvents()
                .expectException(brokenRule("commitment-concluded"));
    }

    @Test
    void onlyAnObservingTherapistConcludesACommitment() {
        fixture.given(OBSERVED).andGiven(PROPOSED)
                .when(new ConcludeCommitment(COUPLE, SAM, COMMITMENT, CommitmentOutcome.PARTING))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
    }

    @Test
    void aConcludedCommitmentsCheckpointsAreNoLongerReviewed() {
        fixture.given(OBSERVED).andGiven(PROPOSED, ALEX_ACCEPTED, SAM_ACCEPTED, MADE, CONCLUDED)
                .when(new ReviewCheckpoint(COUPLE, THERAPIST, COMMITMENT, SECOND_CHECKPOINT, CheckpointOutcome.KEPT, AFTER_BOTH_CHECKPOINTS))
                .expectNoEvents()
                .expectException(brokenRule("commitment-concluded"));
    }

    // --- an erased couple -----------------------------------------------------------------------

    @Test
    void nothingHappensToTheCommitmentsOfAnErasedCouple() {
        fixture.given(OBSERVED).andGiven(new CoupleErased(COUPLE, ALEX))
                .when(propose(START, END, IMPROVEMENT, List.of()))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
        fixture.given(OBSERVED).andGiven(PROPOSED, new CoupleErased(COUPLE, ALEX))
                .when(new AdjustCommitment(COUPLE, ALEX, COMMITMENT, LATER_END, LATER_IMPROVEMENT))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
        fixture.given(OBSERVED).andGiven(PROPOSED, new CoupleErased(COUPLE, ALEX))
                .when(new AcceptCommitment(COUPLE, SAM, COMMITMENT))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
    }
}
