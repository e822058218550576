package app.duet.command.couple;

import app.duet.api.couple.CoupleCreated;
import app.duet.api.couple.CoupleErased;
import app.duet.api.couple.CreateCouple;
import app.duet.api.couple.EraseCouple;
import app.duet.api.couple.JoinCouple;
import app.duet.api.couple.PartnerJoinedCouple;
import app.duet.api.clinical.RaiseSafetyConcern;
import app.duet.api.clinical.SafetyConcernRaised;
import app.duet.api.clinical.TherapistNoteWritten;
import app.duet.api.clinical.WriteTherapistNote;
import app.duet.api.couple.ConsentToTherapist;
import app.duet.api.couple.InviteTherapist;
import app.duet.api.couple.StartSession;
import app.duet.api.couple.TherapistAccessGranted;
import app.duet.api.couple.TherapistAccessWithdrawn;
import app.duet.api.couple.TherapistInvited;
import app.duet.api.couple.WithdrawTherapistConsent;
import app.duet.api.session.Exercise;
import app.duet.api.session.SessionStarted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static app.duet.command.BrokenRule.brokenRule;

class CoupleTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String CODE = "K7QF-2MZD";
    private static final Instant EXPIRES = Instant.parse("2026-03-08T19:00:00Z");
    private static final Instant BEFORE_EXPIRY = EXPIRES.minusSeconds(3600);

    private FixtureConfiguration<Couple> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Couple.class);
    }

    @Test
    void aPartnerCreatesACoupleWithAnInvitationCode() {
        fixture.givenNoPriorActivity()
                .when(new CreateCouple(COUPLE, ALEX, "Alex", CODE, EXPIRES))
                .expectEvents(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES));
    }

    @Test
    void theSecondPartnerJoinsWithTheCode() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES))
                .when(new JoinCouple(COUPLE, SAM, "Sam", CODE, BEFORE_EXPIRY))
                .expectEvents(new PartnerJoinedCouple(COUPLE, SAM, "Sam"));
    }

    @Test
    void aWrongCodeDoesNotJoin() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES))
                .when(new JoinCouple(COUPLE, SAM, "Sam", "AAAA-BBBB", BEFORE_EXPIRY))
                .expectNoEvents()
                .expectException(brokenRule("wrong-invitation-code"));
    }

    @Test
    void aThirdPersonCannotJoin() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"))
                .when(new JoinCouple(COUPLE, "partner-third", "Robin", CODE, BEFORE_EXPIRY))
                .expectNoEvents()
                .expectException(brokenRule("couple-complete"));
    }

    @Test
    void theCreatorCannotJoinTheirOwnCoupleAsTheSecondPartner() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES))
                .when(new JoinCouple(COUPLE, ALEX, "Alex again", CODE, BEFORE_EXPIRY))
                .expectNoEvents()
                .expectException(brokenRule("already-in-couple"));
    }

    @Test
    void aPairedPartnerStartsAJointSessionForBoth() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"))
                .when(new StartSession(COUPLE, "session-1", SAM, Exercise.CHECK_IN))
                .expectEvents(new SessionStarted("session-1", COUPLE, Exercise.CHECK_IN, List.of(ALEX, SAM), SAM));
    }

    @Test
    void noSessionStartsBeforeBothPartnersArePaired() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES))
                .when(new StartSession(COUPLE, "session-1", ALEX, Exercise.CHECK_IN))
                .expectNoEvents()
                .expectException(brokenRule("couple-incomplete"));
    }

    @Test
    void someoneOutsideTheCoupleCannotStartItsSession() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"))
                .when(new StartSession(COUPLE, "session-1", "partner-third", Exercise.CHECK_IN))
                .expectNoEvents()
                .expectException(brokenRule("not-a-partner"));
    }

    private static final String THERAPIST = "therapist-lee";

    @Test
    void aPartnerInvitesATherapistAndTheOtherConsentsToGrantAccess() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"))
                .when(new InviteTherapist(COUPLE, ALEX, THERAPIST, "Dr. Lee"))
                .expectEvents(new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX));
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
                        new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX))
                .when(new ConsentToTherapist(COUPLE, SAM, THERAPIST))
                .expectEvents(new TherapistAccessGranted(COUPLE, THERAPIST, SAM));
    }

    @Test
    void theInvitingPartnerCannotConsentTwiceInPlaceOfTheOther() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
                        new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX))
                .when(new ConsentToTherapist(COUPLE, ALEX, THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("already-consented"));
    }

    @Test
    void eitherPartnerWithdrawsConsentAtAnyTime() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
                        new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX),
                        new TherapistAccessGranted(COUPLE, THERAPIST, SAM))
                .when(new WithdrawTherapistConsent(COUPLE, SAM, THERAPIST))
                .expectEvents(new TherapistAccessWithdrawn(COUPLE, THERAPIST, SAM));
    }

    @Test
    void afterAWithdrawalTheTherapistMustBeInvitedAfresh() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
                        new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX),
                        new TherapistAccessWithdrawn(COUPLE, THERAPIST, SAM))
                .when(new ConsentToTherapist(COUPLE, ALEX, THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("therapist-not-invited"));
    }

    @Test
    void onlyThePartnersDecideAboutTherapists() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
                        new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX))
                .when(new ConsentToTherapist(COUPLE, THERAPIST, THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("not-a-partner"));
    }

    @Test
    void aPartnerCannotBeTheirOwnCouplesTherapist() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"))
                .when(new InviteTherapist(COUPLE, ALEX, SAM, "Sam"))
                .expectNoEvents()
                .expectException(brokenRule("partner-as-therapist"));
    }

    @Test
    void eitherPartnerErasesTheCouple() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"))
                .when(new EraseCouple(COUPLE, SAM))
                .expectEvents(new CoupleErased(COUPLE, SAM));
    }

    @Test
    void nothingHappensInAnErasedCouple() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
                        new CoupleErased(COUPLE, SAM))
                .when(new StartSession(COUPLE, "session-2", ALEX, Exercise.CHECK_IN))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new CoupleErased(COUPLE, ALEX))
                .when(new JoinCouple(COUPLE, SAM, "Sam", CODE, BEFORE_EXPIRY))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
    }

    @Test
    void someoneOutsideTheCoupleCannotEraseIt() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"))
                .when(new EraseCouple(COUPLE, THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("not-a-partner"));
    }

    private static final Object[] OBSERVED = {
            new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
            new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX), new TherapistAccessGranted(COUPLE, THERAPIST, SAM)};

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
    void anExpiredInvitationCodeNoLongerJoins() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES))
                .when(new JoinCouple(COUPLE, SAM, "Sam", CODE, EXPIRES.plusSeconds(1)))
                .expectNoEvents()
                .expectException(brokenRule("invitation-expired"));
    }
}
