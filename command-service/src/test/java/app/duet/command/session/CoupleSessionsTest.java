package app.duet.command.session;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.session.Exercise;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.StartSession;
import app.duet.command.couple.Couple;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static app.duet.command.BrokenRule.brokenRule;

/** A couple's joint sessions start from the couple, by either paired partner, for both. */
class CoupleSessionsTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String CODE = "K7QF-2MZD";
    private static final Instant EXPIRES = Instant.parse("2026-03-08T19:00:00Z");

    private FixtureConfiguration<Couple> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Couple.class);
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
    void noSessionStartsInAnErasedCouple() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"),
                        new CoupleErased(COUPLE, SAM))
                .when(new StartSession(COUPLE, "session-2", ALEX, Exercise.CHECK_IN))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
    }
}
