package app.duet.command.commitment;

import app.duet.api.commitment.AcceptCommitment;
import app.duet.api.commitment.CheckpointComingUp;
import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.commitment.CommitmentAccepted;
import app.duet.api.commitment.CommitmentProposed;
import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkDueSoon;
import app.duet.api.commitment.SetHomework;
import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistInvited;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.privacy.CoupleErased;
import app.duet.command.couple.Couple;
import app.duet.command.notification.ReminderTimes;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Homework due and check-points coming up are reminded of a day (as configured) before their day
 * begins where it begins first: once, to those it still concerns, and never for an erased couple.
 */
class RemindersTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String THERAPIST = "therapist-lee";
    private static final String HOMEWORK = "homework-1";
    private static final String COMMITMENT = "commitment-1";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate DUE = TODAY.plusDays(10);
    /** A day before the due day begins at UTC+14. */
    private static final Instant REMIND_AT = DUE.atStartOfDay(ZoneOffset.ofHours(14)).toInstant().minus(Duration.ofHours(24));

    private static final Object[] OBSERVED = {
            new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", Instant.now().plus(Duration.ofDays(7))),
            new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
            new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX), new TherapistAccessGranted(COUPLE, THERAPIST, SAM)};

    private FixtureConfiguration<Couple> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Couple.class);
        fixture.registerInjectableResource(ReminderTimes.defaults());
    }

    private static SetHomework homeworkDueOn(LocalDate day) {
        return new SetHomework(COUPLE, THERAPIST, HOMEWORK, "Write down three bids you noticed", day);
    }

    @Test
    void homeworkSetSchedulesItsReminderADayBeforeItsDay() {
        fixture.given(OBSERVED)
                .when(homeworkDueOn(DUE))
                .expectScheduledDeadlineWithName(REMIND_AT, HomeworkReminder.NAME)
                .expectScheduledDeadline(REMIND_AT, new HomeworkReminder(COUPLE, HOMEWORK));
    }

    @Test
    void homeworkWhoseDayHasBegunIsNotReminded() {
        fixture.given(OBSERVED)
                .when(homeworkDueOn(TODAY.minusDays(1)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void thoseWhoHaveNotDoneTheirPartAreReminded() {
        fixture.given(OBSERVED)
                .andGivenCommands(homeworkDueOn(DUE))
                .andGiven(new HomeworkDone(COUPLE, HOMEWORK, ALEX))
                .whenTimeAdvancesTo(REMIND_AT)
                .expectTriggeredDeadlinesWithName(HomeworkReminder.NAME)
                .expectEvents(new HomeworkDueSoon(COUPLE, HOMEWORK, DUE, List.of(SAM)));
    }

    @Test
    void homeworkBothHaveDoneRemindsNobody() {
        fixture.given(OBSERVED)
                .andGivenCommands(homeworkDueOn(DUE))
                .andGiven(new HomeworkDone(COUPLE, HOMEWORK, ALEX), new HomeworkDone(COUPLE, HOMEWORK, SAM))
                .whenTimeAdvancesTo(REMIND_AT)
                .expectNoEvents();
    }

    @Test
    void aReminderFiredAgainRemindsOnce() {
        fixture.given(OBSERVED)
                .andGivenCommands(homeworkDueOn(DUE))
                .andGiven(new HomeworkDueSoon(COUPLE, HOMEWORK, DUE, List.of(ALEX, SAM)))
                .whenTimeAdvancesTo(REMIND_AT)
                .expectTriggeredDeadlinesWithName(HomeworkReminder.NAME)
                .expectNoEvents();
    }

    @Test
    void anErasedCoupleIsRemindedOfNothing() {
        fixture.given(OBSERVED)
                .andGivenCommands(homeworkDueOn(DUE))
                .andGiven(new CoupleErased(COUPLE, SAM))
                .whenTimeAdvancesTo(REMIND_AT)
                .expectNoEvents();
    }

    private static CommitmentProposed proposedWithCheckpoint() {
        return new CommitmentProposed(COUPLE, COMMITMENT, THERAPIST, TODAY, TODAY.plusDays(60), TODAY.plusDays(30), List.of(DUE));
    }

    @Test
    void aCheckpointOfACommitmentMadeIsReminded() {
        fixture.given(OBSERVED)
                .andGiven(proposedWithCheckpoint(), new CommitmentAccepted(COUPLE, COMMITMENT, ALEX))
                .andGivenCommands(new AcceptCommitment(COUPLE, SAM, COMMITMENT))
                .whenTimeAdvancesTo(REMIND_AT)
                .expectTriggeredDeadlinesWithName(CheckpointReminder.NAME)
                .expectEvents(new CheckpointComingUp(COUPLE, COMMITMENT, DUE, List.of(ALEX, SAM)));
    }

    @Test
    void aCommitmentNotMadeSchedulesNoReminder() {
        fixture.given(OBSERVED)
                .andGiven(proposedWithCheckpoint())
                .when(new AcceptCommitment(COUPLE, SAM, COMMITMENT))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCheckpointReviewedAlreadyIsNotReminded() {
        fixture.given(OBSERVED)
                .andGiven(proposedWithCheckpoint(), new CommitmentAccepted(COUPLE, COMMITMENT, ALEX))
                .andGivenCommands(new AcceptCommitment(COUPLE, SAM, COMMITMENT))
                .andGiven(new CheckpointReviewed(COUPLE, COMMITMENT, DUE, CheckpointOutcome.KEPT, THERAPIST))
                .whenTimeAdvancesTo(REMIND_AT)
                .expectNoEvents();
    }
}
