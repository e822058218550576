package app.duet.query.batch;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The projections' token store: a processor stores its token as its batch commits, and the batch's
 * views are written just before it ({@link ViewBatch#store}). A crash between the two leaves views
 * ahead of their token, which the next run applies again without effect (every document remembers
 * the last event it applied); never a token ahead of views that were not written.
 * <p>
 * A processor still at least {@code catchUp.distance} events from the head carries its batch on to the
 * next one ({@link ViewBatch#carryOn}) and only extends its claim: neither views nor token are written
 * until a later batch is, so they stay in step. A processor thread that re-reads a token (a restart
 * after a failure, a claim taken anew) or lets one go drops what it carried.
 * <p>
 * Axon's tracking processor extends its claim as each batch begins and stores its token as it ends,
 * both writes to MongoDB: for a live event, one of the few round trips between its commit and its
 * push. A claim this store refreshed less than {@link #CLAIM_FRESH_NANOS} ago is not extended again:
 * it is far from timing out, and the token's store at the batch's end checks it is still ours.
 */
public final class ViewsBeforeTokens implements TokenStore {

    /** A tenth of the store's claim timeout (Axon's 10 s, MongoTokens). */
    static final long CLAIM_FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final TokenStore tokens;
    private final CatchUp catchUp;
    /** The position each segment last stored or carried its token at: a batch spanning few positions is live. */
    private final Map<String, Long> lastPositions = new ConcurrentHashMap<>();
    /** When this store last refreshed each segment's claim, by {@link System#nanoTime}. */
    private final Map<String, Long> claimsRefreshed = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    /**
     * Where a refused batch ended, by segment: the processor applies the events up to there again, and
     * stores each batch rather than carrying it, so it meets the failed event once more, not once a batch.
     */
    private final Map<String, Long> storeEachUntil = new ConcurrentHashMap<>();

    /**
     * When a batch is carried on: while at least {@code distance} positions lie between it and the
     * head of the event store ({@code headPosition}, asked only of batches that span half as many).
     */
    public record CatchUp(LongSupplier headPosition, long distance) {
        public static final CatchUp NEVER = new CatchUp(() -> Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public ViewsBeforeTokens(TokenStore tokens) {
        this(tokens, CatchUp.NEVER);
    }

    public ViewsBeforeTokens(TokenStore tokens, CatchUp catchUp) {
        this(tokens, catchUp, System::nanoTime);
    }

    ViewsBeforeTokens(TokenStore tokens, CatchUp catchUp, LongSupplier nanoClock) {
        this.tokens = tokens;
        this.catchUp = catchUp;
        this.nanoClock = nanoClock;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        String key = ViewBatch.segmentKey(processorName, segment);
        Optional<ViewBatch> batch = ViewBatch.started().or(() -> ViewBatch.takeCarried(key));
        if (batch.isPresent() && farFromHead(key, token) && !replayingRefused(key, token) && batch.get().carryOn(key)) {
            extendClaim(processorName, segment);
            return;
        }
        if (batch.isPresent() && batch.get().wasCarried()) {
            // Documents read seconds ago must not replace what another instance wrote since it took the claim.
            claimed(key, () -> tokens.extendClaim(processorName, segment));
        }
        try {
            batch.ifPresent(ViewBatch::store);
        } catch (AppliedAgainOnCopies refused) {
            if (token != null && token.position().isPresent()) {
                storeEachUntil.put(key, token.position().getAsLong());
            }
            throw refused;
        }
        claimed(key, () -> tokens.storeToken(token, processorName, segment));
    }

    private boolean replayingRefused(String key, TrackingToken token) {
        Long until = storeEachUntil.get(key);
        if (until == null) {
            return false;
        }
        if (token.position().orElse(Long.MAX_VALUE) > until) {
            storeEachUntil.remove(key);
            return false;
        }
        return true;
    }

    /** Runs a write that refreshes the segment's claim, and remembers when; one refused forgets the claim. */
    private void claimed(String key, Runnable write) {
        long asked = nanoClock.getAsLong();
        try {
            write.run();
            claimsRefreshed.put(key, asked);
        } catch (RuntimeException refused) {
            claimsRefreshed.remove(key);
            throw refused;
        }
    }

    private boolean farFromHead(String key, TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        if (catchUp == CatchUp.NEVER || position.isEmpty()) {
            return false;
        }
        Long last = lastPositions.put(key, position.getAsLong());
        boolean wide = last == null || position.getAsLong() - last >= catchUp.distance() / 2;
        return wide && headPosition() - position.getAsLong() >= catchUp.distance();
    }

    /** Where the head is; unknown (the event store unreachable) reads as here, and the batch is written. */
    private long headPosition() {
        try {
            return catchUp.headPosition().getAsLong();
        } catch (RuntimeException unknown) {
            return Long.MIN_VALUE;
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        dropAll(processorName);
        tokens.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        dropAll(processorName);
        tokens.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        drop(processorName, segment);
        return tokens.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        drop(processorName, segment.getSegmentId());
        return tokens.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        String key = ViewBatch.segmentKey(processorName, segment);
        Long refreshed = claimsRefreshed.get(key);
        if (refreshed != null && nanoClock.getAsLong() - refreshed < CLAIM_FRESH_NANOS) {
            return;
        }
        claimed(key, () -> tokens.extendClaim(processorName, segment));
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        drop(processorName, segment);
        tokens.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        drop(processorName, segment);
        tokens.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        drop(processorName, segment);
        tokens.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return tokens.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return tokens.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return tokens.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return tokens.retrieveStorageIdentifier();
    }

    private void dropAll(String processorName) {
        ViewBatch.settleCarried("");
        String prefix = ViewBatch.segmentKey(processorName, 0).replaceFirst("=0$", "");
        lastPositions.keySet().removeIf(key -> key.startsWith(prefix));
        claimsRefreshed.keySet().removeIf(key -> key.startsWith(prefix));
    }

    private void drop(String processorName, int segment) {
        String key = ViewBatch.segmentKey(processorName, segment);
        ViewBatch.settleCarried(key);
        lastPositions.remove(key);
        claimsRefreshed.remove(key);
    }
}
