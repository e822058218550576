package app.duet.command.privacy;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.privacy.EraseCouple;
import app.duet.command.couple.Couple;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static app.duet.command.BrokenRule.brokenRule;

/** Either partner erases the couple; nobody else can. */
class ErasureTest {

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
    void eitherPartnerErasesTheCouple() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"))
                .when(new EraseCouple(COUPLE, SAM))
                .expectEvents(new CoupleErased(COUPLE, SAM));
    }

    @Test
    void someoneOutsideTheCoupleCannotEraseIt() {
        fixture.given(new CoupleCreated(COUPLE, ALEX, "Alex", CODE, EXPIRES), new PartnerJoinedCouple(COUPLE, SAM, "Sam"))
                .when(new EraseCouple(COUPLE, THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("not-a-partner"));
    }
}
