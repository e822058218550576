package app.duet.command.storage;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.privacy.EraseCouple;
import app.duet.api.session.AnswerBid;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidResponse;
import app.duet.api.session.Exercise;
import app.duet.api.session.MakeBid;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.StartSession;
import app.duet.command.couple.Couple;
import app.duet.command.everyday.BidWindows;
import app.duet.command.ledger.InMemoryItemLedger;
import app.duet.command.jointsession.JointSession;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static app.duet.command.BrokenRule.brokenRule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An aggregate read from its snapshot decides as the same aggregate read from its events: its state
 * is taken after some events (as the snapshotter takes it), written and read back as a snapshot is,
 * and the restored aggregate is given commands whose outcome depends on that state.
 */
class RestoredFromSnapshotTest {

    private static final String COUPLE = "couple-1";
    private static final String SESSION = "session-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final CoupleCreated CREATED = new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", Instant.parse("2026-03-08T19:00:00Z"));
    private static final SessionStarted STARTED = new SessionStarted(SESSION, COUPLE, Exercise.CHECK_IN, List.of(ALEX, SAM), ALEX);

    @Test
    void aRestoredCoupleStillKnowsBothPartners() {
        byte[] snapshot = snapshotOf(Couple.class, fixture -> fixture.given(CREATED, new PartnerJoinedCouple(COUPLE, SAM, "Sam"))
                .when(new StartSession(COUPLE, SESSION, ALEX, Exercise.CHECK_IN)));
        new AggregateTestFixture<>(Couple.class)
                .givenState(() -> restored(snapshot, Couple.class))
                .when(new StartSession(COUPLE, "session-2", SAM, Exercise.CHECK_IN))
                .expectEvents(new SessionStarted("session-2", COUPLE, Exercise.CHECK_IN, List.of(ALEX, SAM), SAM));
    }

    @Test
    void aRestoredErasedCoupleStillRefusesEverything() {
        byte[] snapshot = snapshotOf(Couple.class, fixture -> fixture.given(CREATED, new PartnerJoinedCouple(COUPLE, SAM, "Sam"))
                .when(new EraseCouple(COUPLE, SAM)));
        new AggregateTestFixture<>(Couple.class)
                .givenState(() -> restored(snapshot, Couple.class))
                .when(new StartSession(COUPLE, "session-2", ALEX, Exercise.CHECK_IN))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
    }

    @Test
    void aRestoredSessionKnowsWhoIsPresentAndWhoseBidItIs() {
        InMemoryItemLedger ledger = new InMemoryItemLedger();
        byte[] snapshot = snapshotOf(JointSession.class, ledger, fixture -> fixture
                .given(STARTED, new PartnerJoinedSession(SESSION, ALEX), new PartnerJoinedSession(SESSION, SAM))
                .when(new MakeBid(SESSION, "bid-1", ALEX, "Look at that sunset")));
        ledger.knows(new BidMade(SESSION, "bid-1", ALEX, SAM, "Look at that sunset"));
        restoredFixture(JointSession.class, ledger, snapshot)
                .when(new AnswerBid(SESSION, "bid-1", SAM, BidResponse.TOWARD))
                .expectEvents(new BidAnswered(SESSION, "bid-1", SAM, BidResponse.TOWARD));
        restoredFixture(JointSession.class, ledger, snapshot)
                .when(new AnswerBid(SESSION, "bid-1", ALEX, BidResponse.TOWARD))
                .expectNoEvents()
                .expectException(brokenRule("own-bid"));
    }

    /**
     * Which bids were made and answered is the ledger's to know: a session's state, and so its
     * snapshot and every load, is as large after a thousand bids as after ten.
     */
    @Test
    void aSessionDoesNotGrowWithItsBids() {
        assertThat(snapshotOf(JointSession.class, new InMemoryItemLedger(), fixture -> fixture.given(withBids(1_000))
                .when(new MakeBid(SESSION, "bid-last", ALEX, "One more"))))
                .hasSameSizeAs(snapshotOf(JointSession.class, new InMemoryItemLedger(), fixture -> fixture.given(withBids(10))
                        .when(new MakeBid(SESSION, "bid-last", ALEX, "One more"))));
    }

    private static List<Object> withBids(int bids) {
        List<Object> events = new ArrayList<>(List.of(STARTED, new PartnerJoinedSession(SESSION, ALEX),
                new PartnerJoinedSession(SESSION, SAM)));
        for (int n = 0; n < bids; n++) {
            events.add(new BidMade(SESSION, "bid-" + n, ALEX, SAM, "Look"));
            events.add(new BidAnswered(SESSION, "bid-" + n, SAM, BidResponse.TOWARD));
        }
        return events;
    }

    /** The aggregate's state after the given events and command, written as a snapshot's payload is. */
    private static <T> byte[] snapshotOf(Class<T> type,
                                         Function<AggregateTestFixture<T>, ResultValidator<T>> run) {
        return snapshotOf(type, new InMemoryItemLedger(), run);
    }

    private static <T> byte[] snapshotOf(Class<T> type, InMemoryItemLedger ledger,
                                         Function<AggregateTestFixture<T>, ResultValidator<T>> run) {
        AtomicReference<byte[]> written = new AtomicReference<>();
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(type);
        fixture.registerInjectableResource(ledger);
        fixture.registerInjectableResource(BidWindows.defaults());
        run.apply(fixture).expectSuccessfulHandlerExecution().expectState(state -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(state);
            } catch (IOException notSerializable) {
                throw new UncheckedIOException(notSerializable);
            }
            written.set(bytes.toByteArray());
        });
        return written.get();
    }

    private static <T> TestExecutor<T> restoredFixture(Class<T> type, InMemoryItemLedger ledger, byte[] snapshot) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(type);
        fixture.registerInjectableResource(ledger);
        fixture.registerInjectableResource(BidWindows.defaults());
        return fixture.givenState(() -> restored(snapshot, type));
    }

    private static <T> T restored(byte[] snapshot, Class<T> type) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(snapshot))) {
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
