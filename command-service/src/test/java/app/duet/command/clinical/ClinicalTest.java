package app.duet.command.clinical;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.clinical.MarkSafetyConcernSeen;
import app.duet.api.clinical.RaiseSafetyConcern;
import app.duet.api.clinical.SafetyConcernRaised;
import app.duet.api.clinical.SafetyConcernSeen;
import app.duet.api.clinical.TherapistNoteWritten;
import app.duet.api.clinical.WriteTherapistNote;
import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistInvited;
import app.duet.command.couple.Couple;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static app.duet.command.BrokenRule.brokenRule;

/** What is said to the therapist alone: private notes, and a partner's safety concern. */
class ClinicalTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String CODE = "K7QF-2MZD";
    private static final Instant EXPIRES = Instant.parse("2026-03-08T19:00:00Z");
    private static final String THERAPIST = "therapist-lee";

    private static final Object[] OBSERVED = {
            new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
            new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX), new TherapistAccessGranted(COUPLE, THERAPIST, SAM)};

    private FixtureConfiguration<Couple> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Couple.class);
    }

    @Test
    void aConsentedTherapistKeepsPrivateNotes() {
        fixture.given(OBSERVED)
                .when(new WriteTherapistNote(COUPLE, THERAPIST, "note-1", "Both named the pattern today."))
                .expectEvents(new TherapistNoteWritten(COUPLE, "note-1", THERAPIST, "Both named the pattern today."));
    }

    @Test
    void aTherapistWithOnlyOneConsentCannotWriteNotes() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
                        new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX))
                .when(new WriteTherapistNote(COUPLE, THERAPIST, "note-1", "Notes"))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
    }

    @Test
    void aSafetyConcernReachesTheObservingTherapistsOnly() {
        fixture.given(OBSERVED)
                .when(new RaiseSafetyConcern(COUPLE, SAM, "concern-1", "I do not feel safe at home."))
                .expectEvents(new SafetyConcernRaised(COUPLE, "concern-1", SAM, "I do not feel safe at home.",
                        List.of(THERAPIST)));
    }

    @Test
    void aSafetyConcernWithNoTherapistToReceiveItIsRefusedNotLost() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"))
                .when(new RaiseSafetyConcern(COUPLE, SAM, "concern-1", "I do not feel safe."))
                .expectNoEvents()
                .expectException(brokenRule("no-therapist"));
    }

    @Test
    void theToldTherapistMarksAConcernReadOnce() {
        SafetyConcernRaised raised = new SafetyConcernRaised(COUPLE, "concern-1", SAM, "I do not feel safe.", List.of(THERAPIST));
        fixture.given(OBSERVED).andGiven(raised)
                .when(new MarkSafetyConcernSeen(COUPLE, "concern-1", THERAPIST))
                .expectEvents(new SafetyConcernSeen(COUPLE, "concern-1", THERAPIST));
        fixture.given(OBSERVED).andGiven(raised, new SafetyConcernSeen(COUPLE, "concern-1", THERAPIST))
                .when(new MarkSafetyConcernSeen(COUPLE, "concern-1", THERAPIST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyATherapistWhoWasToldMarksAConcernRead() {
        fixture.given(OBSERVED).andGiven(new SafetyConcernRaised(COUPLE, "concern-1", SAM, "I do not feel safe.", List.of(THERAPIST)))
                .when(new MarkSafetyConcernSeen(COUPLE, "concern-1", "therapist-other"))
                .expectNoEvents()
                .expectException(brokenRule("not-told"));
        fixture.given(OBSERVED)
                .when(new MarkSafetyConcernSeen(COUPLE, "no-such-concern", THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("not-told"));
    }
}
