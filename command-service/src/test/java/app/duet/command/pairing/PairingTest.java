package app.duet.command.couple;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.pairing.CreateCouple;
import app.duet.api.privacy.EraseCouple;
import app.duet.api.pairing.JoinCouple;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.session.StartSession;
import app.duet.api.session.Exercise;
import app.duet.api.session.SessionStarted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static app.duet.command.BrokenRule.brokenRule;

/** Pairing two partners by an invitation code, starting their joint sessions, and erasing the couple. */
class PairingTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String CODE = "K7QF-2MZD";
    private static final Instant EXPIRES = Instant.parse("2026-03-08T19:00:00Z");
    private static final Instant BEFORE_EXPIRY = EXPIRES.minusSeconds(3600);
    private static final String THERAPIST = "therapist-lee";

    private FixtureConfiguration<Couple> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Couple.class);
        fixture.registerInjectableResource(KnownPartners.none());
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
    void aPartnerOfAnotherCoupleOpensNoSecondOne() {
        FixtureConfiguration<Couple> inAnotherCouple = new AggregateTestFixture<>(Couple.class);
        inAnotherCouple.registerInjectableResource(new KnownPartners(Map.of(ALEX, "couple-0")));
        inAnotherCouple.givenNoPriorActivity()
                .when(new CreateCouple(COUPLE, ALEX, "Alex", CODE, EXPIRES))
                .expectNoEvents()
                .expectException(brokenRule("already-in-a-couple"));
    }

    @Test
    void aPartnerOfAnotherCoupleJoinsNoSecondOne() {
        FixtureConfiguration<Couple> inAnotherCouple = new AggregateTestFixture<>(Couple.class);
        inAnotherCouple.registerInjectableResource(new KnownPartners(Map.of(SAM, "couple-0")));
        inAnotherCouple.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES))
                .when(new JoinCouple(COUPLE, SAM, "Sam", CODE, BEFORE_EXPIRY))
                .expectNoEvents()
                .expectException(brokenRule("already-in-a-couple"));
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

    @Test
    void anExpiredInvitationCodeNoLongerJoins() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES))
                .when(new JoinCouple(COUPLE, SAM, "Sam", CODE, EXPIRES.plusSeconds(1)))
                .expectNoEvents()
                .expectException(brokenRule("invitation-expired"));
    }
}
