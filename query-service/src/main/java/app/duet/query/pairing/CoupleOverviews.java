package app.duet.query.pairing;

import app.duet.api.pairing.CoupleView;
import app.duet.query.live.ViewPublisher;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How each feature's projection changes a couple's overview: once per event (the document remembers
 * the last event it applied of each aggregate), stored, and pushed to the couple's screens with the
 * version that change gave it, unless replaying. The projections share the live views' processor, so
 * the overview's events are applied in their order whichever projection handles them.
 */
@Component
public class CoupleOverviews {

    private final CoupleDocumentRepository couples;
    private final ViewPublisher publisher;

    public CoupleOverviews(CoupleDocumentRepository couples, ViewPublisher publisher) {
        this.couples = couples;
        this.publisher = publisher;
    }

    /** A change by one of the couple's own events. */
    public void update(String coupleId, long sequence, ReplayStatus replay, Consumer<CoupleDocument> change) {
        couples.findById(coupleId).ifPresent(couple -> apply(couple, coupleId, sequence, replay, change));
    }

    /** A change by an event of one of the couple's sessions, applied once per that session's events. */
    public void updateBySession(String coupleId, String sessionId, long sequence, ReplayStatus replay,
                                Consumer<CoupleDocument> change) {
        couples.findById(coupleId).ifPresent(couple -> apply(couple, sessionId, sequence, replay, change));
    }

    /** The same, for a session's event that does not name its couple: the overview listing the session. */
    public void updateBySession(String sessionId, long sequence, ReplayStatus replay, Consumer<CoupleDocument> change) {
        couples.findFirstBySessionsSessionId(sessionId)
                .ifPresent(couple -> apply(couple, sessionId, sequence, replay, change));
    }

    /** A change only its author sees (a kept list item): applied once, never pushed, the version unchanged. */
    public void updateQuietly(String coupleId, long sequence, Consumer<CoupleDocument> change) {
        couples.findById(coupleId).ifPresent(couple -> {
            if (couple.applied().applyQuietly(coupleId, sequence, () -> change.accept(couple))) {
                couples.save(couple);
            }
        });
    }

    /** A change that may show or not: counted and pushed only if {@code change} says the view changed. */
    public void updateIfVisible(String coupleId, long sequence, ReplayStatus replay, Predicate<CoupleDocument> change) {
        couples.findById(coupleId).ifPresent(couple -> {
            if (!couple.applied().isNew(coupleId, sequence)) {
                return;
            }
            CoupleView before = replay.isReplay() ? null : couple.toView();
            if (change.test(couple)) {
                couple.applied().record(coupleId, sequence);
                couples.save(couple);
                if (!replay.isReplay()) {
                    publisher.publish(before, couple.toView());
                }
            } else {
                couple.applied().skip(coupleId, sequence);
                couples.save(couple);
            }
        });
    }

    /** Applies a change once per event, stores it, and tells the couple's screens. */
    void apply(CoupleDocument couple, String aggregateId, long sequence, ReplayStatus replay,
               Consumer<CoupleDocument> change) {
        // What the screens were shown, to push only what this change made different; not needed in a replay.
        CoupleView before = replay.isReplay() || couple.applied().version() == 0 ? null : couple.toView();
        if (couple.applied().applyOnce(aggregateId, sequence, () -> change.accept(couple))) {
            couples.save(couple);
            if (!replay.isReplay()) {
                publisher.publish(before, couple.toView());
            }
        }
    }
}
