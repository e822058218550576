package app.duet.command.ledger;

import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.everyday.EverydayBidMissed;
import app.duet.api.everyday.LeanCheckedIn;
import app.duet.api.exercise.BabyStepFollowedUp;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidMissed;
import app.duet.command.ledger.ItemLedger.Kind;

import java.util.Set;

/** What each event tells the ledger: the one place that says it, for the live handler, the backfill and tests. */
public final class ItemLedgerEvents {

    /** Where the ledger's changes go. */
    public interface Recorder {

        /** An id used; {@code coupleId} is null when the owner is a session (the recorder knows its couple). */
        void add(String ownerId, String coupleId, Kind kind, String itemId, String addressedTo);

        /** A bid answered. */
        void close(String ownerId, Kind kind, String itemId);

        /** A bid missed: closed too, but not answered. */
        void miss(String ownerId, Kind kind, String itemId);

        /** An erased couple leaves nothing here, its sessions' ids included. */
        void forgetCouple(String coupleId);
    }

    /** The events that change the ledger. */
    public static final Set<Class<?>> TYPES = Set.of(BidMade.class, BidAnswered.class, BidMissed.class, EverydayBidMade.class,
            EverydayBidAnswered.class, EverydayBidMissed.class, LeanCheckedIn.class, AppreciationExpressed.class,
            BabyStepFollowedUp.class,
            CoupleErased.class);

    private ItemLedgerEvents() {
    }

    public static void record(Object event, Recorder ledger) {
        if (event instanceof BidMade made) {
            ledger.add(made.sessionId(), null, Kind.SESSION_BID, made.bidId(), made.toPartnerId());
        } else if (event instanceof BidAnswered answered) {
            ledger.close(answered.sessionId(), Kind.SESSION_BID, answered.bidId());
        } else if (event instanceof BidMissed missed) {
            ledger.miss(missed.sessionId(), Kind.SESSION_BID, missed.bidId());
        } else if (event instanceof EverydayBidMade made) {
            ledger.add(made.coupleId(), made.coupleId(), Kind.EVERYDAY_BID, made.bidId(), made.toPartnerId());
        } else if (event instanceof EverydayBidAnswered answered) {
            ledger.close(answered.coupleId(), Kind.EVERYDAY_BID, answered.bidId());
        } else if (event instanceof EverydayBidMissed missed) {
            ledger.miss(missed.coupleId(), Kind.EVERYDAY_BID, missed.bidId());
        } else if (event instanceof LeanCheckedIn checkIn) {
            ledger.add(checkIn.coupleId(), checkIn.coupleId(), Kind.CHECK_IN, checkIn.checkInId(), null);
        } else if (event instanceof AppreciationExpressed said) {
            ledger.add(said.coupleId(), said.coupleId(), Kind.APPRECIATION, said.appreciationId(), said.toPartnerId());
        } else if (event instanceof BabyStepFollowedUp followedUp) {
            ledger.add(followedUp.sessionId(), null, Kind.BABY_STEP_FOLLOW_UP, followedUp.followUpId(), null);
        } else if (event instanceof CoupleErased erased) {
            ledger.forgetCouple(erased.coupleId());
        }
    }
}
