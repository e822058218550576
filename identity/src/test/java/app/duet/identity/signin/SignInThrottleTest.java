package app.duet.identity.signin;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing is slowed where it comes from; the person whose address is guessed still signs in. */
class SignInThrottleTest {

    private static final String ROBIN = "robin@duet.test";
    private static final String GUESSER = "203.0.113.9";
    private static final String ROBINS_PHONE = "198.51.100.4";

    private final MovingClock clock = new MovingClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void wrongPasswordsFromOneSourceMakeThatSourceWaitForThatAddressOnly() {
        missTimes(SignInThrottle.MAX_FAILURES, ROBIN, GUESSER);

        assertThat(throttle.isLocked(ROBIN, GUESSER)).isTrue();
        assertThat(throttle.isLocked(ROBIN, ROBINS_PHONE)).as("Robin, from their own phone").isFalse();
        assertThat(throttle.isLocked("kai@duet.test", GUESSER)).as("another address from the same source").isFalse();
    }

    @Test
    void eachFurtherMissDoublesTheWaitUpToTheWindow() {
        missTimes(SignInThrottle.MAX_FAILURES, ROBIN, GUESSER);
        assertThat(throttle.waitFor(ROBIN, GUESSER)).isEqualTo(SignInThrottle.FIRST_WAIT);

        clock.pass(SignInThrottle.FIRST_WAIT);
        assertThat(throttle.isLocked(ROBIN, GUESSER)).isFalse();
        throttle.failed(ROBIN, GUESSER);
        assertThat(throttle.waitFor(ROBIN, GUESSER)).isEqualTo(SignInThrottle.FIRST_WAIT.multipliedBy(2));

        for (int miss = 0; miss < 8; miss++) {
            clock.pass(throttle.waitFor(ROBIN, GUESSER));
            throttle.failed(ROBIN, GUESSER);
        }
        assertThat(throttle.waitFor(ROBIN, GUESSER)).isLessThanOrEqualTo(SignInThrottle.WINDOW);
    }

    @Test
    void aRightPasswordFromTheSourceForgetsItsMisses() {
        missTimes(SignInThrottle.MAX_FAILURES - 1, ROBIN, ROBINS_PHONE);
        throttle.succeeded(ROBIN, ROBINS_PHONE);
        throttle.failed(ROBIN, ROBINS_PHONE);

        assertThat(throttle.isLocked(ROBIN, ROBINS_PHONE)).isFalse();
    }

    @Test
    void guessingAcrossManyAddressesStopsTheSourceForTheWindow() {
        for (int account = 0; account < SignInThrottle.MAX_FAILURES_PER_SOURCE; account++) {
            throttle.failed("person" + account + "@duet.test", GUESSER);
        }
        assertThat(throttle.isLocked("someone-new@duet.test", GUESSER)).isTrue();
        assertThat(throttle.isLocked("someone-new@duet.test", ROBINS_PHONE)).isFalse();

        clock.pass(SignInThrottle.WINDOW.plusSeconds(1));
        assertThat(throttle.isLocked("someone-new@duet.test", GUESSER)).isFalse();
    }

    private void missTimes(int times, String email, String source) {
        for (int miss = 0; miss < times; miss++) {
            throttle.failed(email, source);
        }
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T10:00:00Z");

        void pass(Duration time) {
            now = now.plus(time);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
