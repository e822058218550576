package app.duet.command.commitment;

import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.commitment.CommitmentAccepted;
import app.duet.api.commitment.CommitmentMade;
import app.duet.api.commitment.CommitmentProposed;
import app.duet.api.commitment.ReviewCheckpoint;
import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistInvited;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
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
import static org.hamcrest.Matchers.containsString;

/** A check-point is looked back on from its day on, never before: the review carries the time it was asked for. */
class CheckpointsComeDueTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String THERAPIST = "therapist-lee";
    private static final String COMMITMENT = "commitment-1";
    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final LocalDate CHECKPOINT = LocalDate.of(2026, 2, 2);
    private static final LocalDate END = LocalDate.of(2026, 3, 30);
    /** The check-point's day begins first at UTC+14: at 10:00 UTC the day before. */
    private static final Instant DAY_BEGINS_FIRST = Instant.parse("2026-02-01T10:00:00Z");

    private static final Object[] MADE = {
            new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", Instant.parse("2026-01-01T19:00:00Z")),
            new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
            new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX), new TherapistAccessGranted(COUPLE, THERAPIST, SAM),
            new CommitmentProposed(COUPLE, COMMITMENT, THERAPIST, START, END, LocalDate.of(2026, 3, 1), List.of(CHECKPOINT)),
            new CommitmentAccepted(COUPLE, COMMITMENT, ALEX), new CommitmentAccepted(COUPLE, COMMITMENT, SAM),
            new CommitmentMade(COUPLE, COMMITMENT, START, END, LocalDate.of(2026, 3, 1))};

    private FixtureConfiguration<Couple> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Couple.class);
        fixture.registerInjectableResource(ReminderTimes.defaults());
    }

    private static ReviewCheckpoint reviewAt(Instant now) {
        return new ReviewCheckpoint(COUPLE, THERAPIST, COMMITMENT, CHECKPOINT, CheckpointOutcome.KEPT, now);
    }

    @Test
    void aCheckpointIsNotReviewedBeforeItsDayAndTheAnswerSaysWhenItCanBe() {
        fixture.given(MADE)
                .when(reviewAt(Instant.parse("2026-01-20T12:00:00Z")))
                .expectNoEvents()
                .expectException(brokenRule("checkpoint-not-due"))
                .expectExceptionMessage(containsString("from 2026-02-02 on"));
    }

    @Test
    void aCheckpointIsReviewedOnItsDay() {
        fixture.given(MADE)
                .when(reviewAt(Instant.parse("2026-02-02T15:00:00Z")))
                .expectEvents(new CheckpointReviewed(COUPLE, COMMITMENT, CHECKPOINT, CheckpointOutcome.KEPT, THERAPIST));
    }

    @Test
    void aCheckpointIsReviewedLaterToo() {
        fixture.given(MADE)
                .when(reviewAt(Instant.parse("2026-03-20T08:00:00Z")))
                .expectEvents(new CheckpointReviewed(COUPLE, COMMITMENT, CHECKPOINT, CheckpointOutcome.KEPT, THERAPIST));
    }

    @Test
    void theDayCountsFromWhereItBeginsFirstSoNoTherapistIsRefusedOnIt() {
        fixture.given(MADE)
                .when(reviewAt(DAY_BEGINS_FIRST))
                .expectEvents(new CheckpointReviewed(COUPLE, COMMITMENT, CHECKPOINT, CheckpointOutcome.KEPT, THERAPIST));
        fixture.given(MADE)
                .when(reviewAt(DAY_BEGINS_FIRST.minusSeconds(1)))
                .expectNoEvents()
                .expectException(brokenRule("checkpoint-not-due"));
    }

    @Test
    void aReviewSaysWhenItWasAskedFor() {
        fixture.given(MADE)
                .when(reviewAt(null))
                .expectNoEvents()
                .expectException(brokenRule("time-required"));
    }
}
