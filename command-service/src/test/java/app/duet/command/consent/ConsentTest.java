package app.duet.command.consent;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.consent.GrantTherapistAccess;
import app.duet.api.consent.InviteTherapist;
import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.consent.TherapistInvited;
import app.duet.api.consent.WithdrawTherapistAccess;
import app.duet.command.couple.Couple;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static app.duet.command.BrokenRule.brokenRule;

/** A therapist observes a couple only while both partners consent; either partner can withdraw. */
class ConsentTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String CODE = "K7QF-2MZD";
    private static final Instant EXPIRES = Instant.parse("2026-03-08T19:00:00Z");
    private static final String THERAPIST = "therapist-lee";

    private FixtureConfiguration<Couple> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Couple.class);
    }

    @Test
    void aPartnerInvitesATherapistAndTheOtherConsentsToGrantAccess() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"))
                .when(new InviteTherapist(COUPLE, ALEX, THERAPIST, "Dr. Lee"))
                .expectEvents(new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX));
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
                        new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX))
                .when(new GrantTherapistAccess(COUPLE, SAM, THERAPIST))
                .expectEvents(new TherapistAccessGranted(COUPLE, THERAPIST, SAM));
    }

    @Test
    void theInvitingPartnerCannotConsentTwiceInPlaceOfTheOther() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
                        new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX))
                .when(new GrantTherapistAccess(COUPLE, ALEX, THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("already-consented"));
    }

    @Test
    void eitherPartnerWithdrawsConsentAtAnyTime() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
                        new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX),
                        new TherapistAccessGranted(COUPLE, THERAPIST, SAM))
                .when(new WithdrawTherapistAccess(COUPLE, SAM, THERAPIST))
                .expectEvents(new TherapistAccessWithdrawn(COUPLE, THERAPIST, SAM));
    }

    @Test
    void afterAWithdrawalTheTherapistMustBeInvitedAfresh() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
                        new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX),
                        new TherapistAccessWithdrawn(COUPLE, THERAPIST, SAM))
                .when(new GrantTherapistAccess(COUPLE, ALEX, THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("therapist-not-invited"));
    }

    @Test
    void onlyThePartnersDecideAboutTherapists() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
                        new TherapistInvited(COUPLE, THERAPIST, "Dr. Lee", ALEX))
                .when(new GrantTherapistAccess(COUPLE, THERAPIST, THERAPIST))
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
}
