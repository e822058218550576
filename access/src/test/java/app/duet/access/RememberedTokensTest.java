package app.duet.access;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-12-07T10:00:00Z");

    private final List<String> fullChecks = new ArrayList<>();
    private final MovableClock clock = new MovableClock(ISSUED);
    private final JwtTimestampValidator expiry = expiryOn(clock);
    /** Stands for the signature check: "good" tokens pass it, lasting ten minutes, and are then held to the expiry rule. */
    private final JwtDecoder signatureCheck = token -> {
        fullChecks.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("signature does not match");
        }
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(ISSUED).expiresAt(ISSUED.plus(Duration.ofMinutes(10))).build();
        OAuth2TokenValidatorResult rules = expiry.validate(jwt);
        if (rules.hasErrors()) {
            throw new JwtValidationException("expired", rules.getErrors());
        }
        return jwt;
    };
    private final RememberedTokens tokens = new RememberedTokens(signatureCheck, expiry, 100, Duration.ofMinutes(15));

    @Test
    void aTokenUsedAgainIsNotCheckedInFullAgain() {
        Jwt first = tokens.decode("good-alex");
        Jwt again = tokens.decode("good-alex");
        tokens.decode("good-sam");

        assertThat(again).isSameAs(first);
        assertThat(fullChecks).containsExactly("good-alex", "good-sam");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        tokens.decode("good-alex");
        clock.now = ISSUED.plus(Duration.ofMinutes(12));

        assertThatThrownBy(() -> tokens.decode("good-alex")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode("good-alex")).isInstanceOf(JwtValidationException.class);
        assertThat(fullChecks).containsExactly("good-alex", "good-alex", "good-alex");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(fullChecks).containsExactly("forged", "forged");
    }

    private static JwtTimestampValidator expiryOn(Clock clock) {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ofSeconds(60));
        validator.setClock(clock);
        return validator;
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        private MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
