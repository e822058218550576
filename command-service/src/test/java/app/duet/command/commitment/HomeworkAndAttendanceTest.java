package app.duet.command.commitment;

import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.commitment.MarkHomeworkDone;
import app.duet.api.commitment.RecordAttendance;
import app.duet.api.commitment.AppointmentAttended;
import app.duet.api.commitment.AppointmentMissed;
import app.duet.api.commitment.SetHomework;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.consent.TherapistAccessGranted;
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

/** The therapist's frame around the sessions: homework the partners do, and who came to therapy. */
class HomeworkAndAttendanceTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String THERAPIST = "therapist-lee";
    private static final String HALF_CONSENTED = "therapist-kim";
    private static final String HOMEWORK = "homework-1";
    private static final String MEETING = "meeting-1";
    private static final Instant EXPIRES = Instant.parse("2026-03-08T19:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2026, 2, 2);
    private static final LocalDate HELD = LocalDate.of(2026, 2, 9);

    /** Both partners consented to the therapist; a second therapist has only Alex's consent. */
    private static final Object[] OBSERVED = {
            new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
            new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX), new TherapistAccessGranted(COUPLE, THERAPIST, SAM),
            new TherapistInvited(COUPLE, HALF_CONSENTED, "Dr. Kim", ALEX)};
    private static final HomeworkSet HOMEWORK_SET =
            new HomeworkSet(COUPLE, HOMEWORK, THERAPIST, "Three appreciations a day", DUE);

    private FixtureConfiguration<Couple> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Couple.class);
        fixture.registerInjectableResource(ReminderTimes.defaults());
    }

    // --- homework -------------------------------------------------------------------------------

    @Test
    void theObservingTherapistSetsHomework() {
        fixture.given(OBSERVED)
                .when(new SetHomework(COUPLE, THERAPIST, HOMEWORK, "Three appreciations a day", DUE))
                .expectEvents(HOMEWORK_SET);
    }

    @Test
    void onlyAnObservingTherapistSetsHomework() {
        fixture.given(OBSERVED)
                .when(new SetHomework(COUPLE, HALF_CONSENTED, HOMEWORK, "Walk together", DUE))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
        fixture.given(OBSERVED)
                .when(new SetHomework(COUPLE, ALEX, HOMEWORK, "Sam does the dishes", DUE))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
    }

    @Test
    void homeworkIsSetOnce() {
        fixture.given(OBSERVED).andGiven(HOMEWORK_SET)
                .when(new SetHomework(COUPLE, THERAPIST, HOMEWORK, "Walk together", DUE))
                .expectNoEvents()
                .expectException(brokenRule("duplicate-homework"));
    }

    @Test
    void homeworkIsDescribed() {
        fixture.given(OBSERVED)
                .when(new SetHomework(COUPLE, THERAPIST, HOMEWORK, " ", DUE))
                .expectNoEvents()
                .expectException(brokenRule("words-required"));
    }

    @Test
    void eachPartnerMarksTheirPartOfTheHomeworkDone() {
        fixture.given(OBSERVED).andGiven(HOMEWORK_SET, new HomeworkDone(COUPLE, HOMEWORK, ALEX))
                .when(new MarkHomeworkDone(COUPLE, SAM, HOMEWORK))
                .expectEvents(new HomeworkDone(COUPLE, HOMEWORK, SAM));
    }

    @Test
    void aPartnerMarksTheirHomeworkDoneOnce() {
        fixture.given(OBSERVED).andGiven(HOMEWORK_SET, new HomeworkDone(COUPLE, HOMEWORK, ALEX))
                .when(new MarkHomeworkDone(COUPLE, ALEX, HOMEWORK))
                .expectNoEvents()
                .expectException(brokenRule("homework-already-done"));
    }

    @Test
    void onlyHomeworkThatWasSetIsDone() {
        fixture.given(OBSERVED)
                .when(new MarkHomeworkDone(COUPLE, ALEX, HOMEWORK))
                .expectNoEvents()
                .expectException(brokenRule("unknown-homework"));
    }

    // --- attendance -----------------------------------------------------------------------------

    @Test
    void attendanceRecordsWhoCameAndAMissForThePartnerWhoDidNot() {
        fixture.given(OBSERVED)
                .when(new RecordAttendance(COUPLE, THERAPIST, MEETING, HELD, List.of(SAM)))
                .expectEvents(new AppointmentAttended(COUPLE, MEETING, HELD, List.of(SAM), THERAPIST),
                        new AppointmentMissed(COUPLE, MEETING, HELD, ALEX));
    }

    @Test
    void whenNobodyCameEachPartnerMissedTheSession() {
        fixture.given(OBSERVED)
                .when(new RecordAttendance(COUPLE, THERAPIST, MEETING, HELD, List.of()))
                .expectEvents(new AppointmentAttended(COUPLE, MEETING, HELD, List.of(), THERAPIST),
                        new AppointmentMissed(COUPLE, MEETING, HELD, ALEX),
                        new AppointmentMissed(COUPLE, MEETING, HELD, SAM));
    }

    @Test
    void whenBothCameNobodyMissedTheSession() {
        fixture.given(OBSERVED)
                .when(new RecordAttendance(COUPLE, THERAPIST, MEETING, HELD, List.of(ALEX, SAM)))
                .expectEvents(new AppointmentAttended(COUPLE, MEETING, HELD, List.of(ALEX, SAM), THERAPIST));
    }

    @Test
    void aMeetingIsRecordedOnce() {
        fixture.given(OBSERVED)
                .andGiven(new AppointmentAttended(COUPLE, MEETING, HELD, List.of(ALEX, SAM), THERAPIST))
                .when(new RecordAttendance(COUPLE, THERAPIST, MEETING, HELD, List.of(ALEX)))
                .expectNoEvents()
                .expectException(brokenRule("duplicate-meeting"));
    }

    @Test
    void aMeetingWasHeldOnADay() {
        fixture.given(OBSERVED)
                .when(new RecordAttendance(COUPLE, THERAPIST, MEETING, null, List.of(ALEX, SAM)))
                .expectNoEvents()
                .expectException(brokenRule("date-required"));
    }

    @Test
    void onlyThePartnersAttendTheCouplesSessions() {
        fixture.given(OBSERVED)
                .when(new RecordAttendance(COUPLE, THERAPIST, MEETING, HELD, List.of(ALEX, "partner-third")))
                .expectNoEvents()
                .expectException(brokenRule("not-a-partner"));
    }

    @Test
    void eachPartnerWhoCameIsNamedOnce() {
        fixture.given(OBSERVED)
                .when(new RecordAttendance(COUPLE, THERAPIST, MEETING, HELD, List.of(ALEX, ALEX)))
                .expectNoEvents()
                .expectException(brokenRule("attendee-twice"));
    }

    @Test
    void onlyAnObservingTherapistRecordsAttendance() {
        fixture.given(OBSERVED)
                .when(new RecordAttendance(COUPLE, HALF_CONSENTED, MEETING, HELD, List.of(ALEX, SAM)))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
    }

    @Test
    void theTherapistsFrameEndsWithTheCouple() {
        fixture.given(OBSERVED).andGiven(new CoupleErased(COUPLE, ALEX))
                .when(new SetHomework(COUPLE, THERAPIST, HOMEWORK, "Walk together", DUE))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
        fixture.given(OBSERVED).andGiven(HOMEWORK_SET, new CoupleErased(COUPLE, ALEX))
                .when(new MarkHomeworkDone(COUPLE, SAM, HOMEWORK))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
        fixture.given(OBSERVED).andGiven(new CoupleErased(COUPLE, ALEX))
                .when(new RecordAttendance(COUPLE, THERAPIST, MEETING, HELD, List.of(ALEX, SAM)))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
    }
}
