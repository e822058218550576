package app.duet.query.batch;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A processor extends its claim as each batch begins: a claim refreshed a moment ago (its token
 * stored, its claim extended) is not written again, one let go or refused is.
 */
class ViewsBeforeTokensTest {

    private static final String PROCESSOR = "live-views";

    private final AtomicInteger extensions = new AtomicInteger();
    private final AtomicBoolean refuseClaims = new AtomicBoolean();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final InMemoryTokenStore stored = new InMemoryTokenStore() {
        @Override
        public void extendClaim(String processorName, int segment) {
            extensions.incrementAndGet();
            refuseIfClaimedElsewhere();
        }

        @Override
        public void storeToken(org.axonframework.eventhandling.TrackingToken token, String processorName, int segment) {
            refuseIfClaimedElsewhere();
            super.storeToken(token, processorName, segment);
        }

        private void refuseIfClaimedElsewhere() {
            if (refuseClaims.get()) {
                throw new UnableToClaimTokenException("claimed by another instance");
            }
        }
    };
    private final ViewsBeforeTokens tokens = new ViewsBeforeTokens(stored, ViewsBeforeTokens.CatchUp.NEVER, now::get);

    @BeforeEach
    void setUp() {
        stored.initializeTokenSegments(PROCESSOR, 2);
    }

    @Test
    void aClaimRefreshedAMomentAgoIsNotExtendedAgain() {
        tokens.storeToken(new GlobalSequenceTrackingToken(7), PROCESSOR, 0);
        tokens.extendClaim(PROCESSOR, 0);
        tokens.extendClaim(PROCESSOR, 0);
        assertThat(extensions).as("extensions within a second of storing the token").hasValue(0);

        tokens.extendClaim(PROCESSOR, 1);
        assertThat(extensions).as("the other segment's claim was not refreshed").hasValue(1);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_001));
        tokens.extendClaim(PROCESSOR, 0);
        tokens.extendClaim(PROCESSOR, 0);
        assertThat(extensions).as("a second later, once").hasValue(2);
    }

    @Test
    void aClaimLetGoIsExtendedAtOnce() {
        tokens.storeToken(new GlobalSequenceTrackingToken(7), PROCESSOR, 0);
        tokens.releaseClaim(PROCESSOR, 0);

        tokens.extendClaim(PROCESSOR, 0);

        assertThat(extensions).hasValue(1);
    }

    /** Another instance took the claim: the next batch must ask the store, not trust the last refresh. */
    @Test
    void aClaimRefusedOnceIsAskedForAgain() {
        tokens.extendClaim(PROCESSOR, 0);
        refuseClaims.set(true);
        assertThatThrownBy(() -> tokens.storeToken(new GlobalSequenceTrackingToken(7), PROCESSOR, 0))
                .isInstanceOf(UnableToClaimTokenException.class);

        assertThatThrownBy(() -> tokens.extendClaim(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(extensions).hasValue(2);
    }
}
