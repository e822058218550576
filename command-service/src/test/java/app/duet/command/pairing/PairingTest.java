package app.duet.command.pairing;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.pairing.CreateCouple;
import app.duet.api.pairing.JoinCouple;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.command.couple.Couple;
import app.duet.command.couple.CouplesInTheEventStore;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static app.duet.command.BrokenRule.brokenRule;

/** Pairing two partners by an invitation code, one couple per person. */
class PairingTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String CODE = "K7QF-2MZD";
    private static final Instant EXPIRES = Instant.parse("2026-03-08T19:00:00Z");
    private static final Instant BEFORE_EXPIRY = EXPIRES.minusSeconds(3600);

    private FixtureConfiguration<Couple> fixture;

    @BeforeEach
    void setUp() {
        fixture = couples(KnownPartners.none());
    }

    /** The couple's aggregate, and pairing's handler that opens one, knowing these partners. */
    private static FixtureConfiguration<Couple> couples(KnownPartners partners) {
        FixtureConfiguration<Couple> couples = new AggregateTestFixture<>(Couple.class);
        couples.registerInjectableResource(partners);
        couples.registerAnnotatedCommandHandler(new CoupleOpening(partners, new CouplesInTheEventStore(couples.getRepository())));
        return couples;
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
        FixtureConfiguration<Couple> inAnotherCouple = couples(new KnownPartners(Map.of(ALEX, "couple-0")));
        inAnotherCouple.givenNoPriorActivity()
                .when(new CreateCouple(COUPLE, ALEX, "Alex", CODE, EXPIRES))
                .expectNoEvents()
                .expectException(brokenRule("already-in-a-couple"));
    }

    @Test
    void aPartnerOfAnotherCoupleJoinsNoSecondOne() {
        FixtureConfiguration<Couple> inAnotherCouple = couples(new KnownPartners(Map.of(SAM, "couple-0")));
        inAnotherCouple.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES))
                .when(new JoinCouple(COUPLE, SAM, "Sam", CODE, BEFORE_EXPIRY))
                .expectNoEvents()
                .expectException(brokenRule("already-in-a-couple"));
    }

    @Test
    void nobodyJoinsAnErasedCouple() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new CoupleErased(COUPLE, ALEX))
                .when(new JoinCouple(COUPLE, SAM, "Sam", CODE, BEFORE_EXPIRY))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
    }

    @Test
    void anExpiredInvitationCodeNoLongerJoins() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES))
                .when(new JoinCouple(COUPLE, SAM, "Sam", CODE, EXPIRES.plusSeconds(1)))
                .expectNoEvents()
                .expectException(brokenRule("invitation-expired"));
    }
}
