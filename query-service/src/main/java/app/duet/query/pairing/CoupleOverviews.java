package app.duet.query.pairing;

import app.duet.api.lists.ListItemView;
import app.duet.api.pairing.CoupleView;
import app.duet.query.live.ViewPublisher;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How each feature's projection changes a couple's overview: once per event (the document remembers
 * the last event it applied of each aggregate), stored, and pushed to the couple's screens with the
 * version that change gave it, unless replaying. The projections share the live views' processor, so
 * the overview's events are applied in their order whichever projection handles them. The growing
 * lists' items are stored apart, one document each ({@link CoupleItem}), before the overview's
 * document; a push compares only the items a change touched, so an event costs the same however long
 * the couple's history.
 */
@Component
public class CoupleOverviews {

    private final CoupleDocumentRepository couples;
    private final CoupleItemRepository items;
    private final ViewPublisher publisher;

    public CoupleOverviews(CoupleDocumentRepository couples, CoupleItemRepository items, ViewPublisher publisher) {
        this.couples = couples;
        this.items = items;
        this.publisher = publisher;
    }

    /** A change by one of the couple's own events. */
    public void update(String coupleId, long sequence, ReplayStatus replay, Consumer<CoupleDocument> change) {
        find(coupleId).ifPresent(couple -> apply(couple, coupleId, sequence, replay, change));
    }

    /** A change by an event of one of the couple's sessions, applied once per that session's events. */
    public void updateBySession(String coupleId, String sessionId, long sequence, ReplayStatus replay,
                                Consumer<CoupleDocument> change) {
        find(coupleId).ifPresent(couple -> apply(couple, sessionId, sequence, replay, change));
    }

    /** The same, for a session's event that does not name its couple: the overview listing the session. */
    public void updateBySession(String sessionId, long sequence, ReplayStatus replay, Consumer<CoupleDocument> change) {
        findBySession(sessionId).ifPresent(couple -> apply(couple, sessionId, sequence, replay, change));
    }

    /** A change only its author sees (a kept list item): applied once, never pushed, the version unchanged. */
    public void updateQuietly(String coupleId, long sequence, Consumer<CoupleDocument> change) {
        find(coupleId).ifPresent(couple -> {
            if (couple.applied().applyQuietly(coupleId, sequence, () -> change.accept(couple))) {
                store(couple);
            }
        });
    }

    /** A change that may show or not: counted and pushed only if {@code change} says the view changed. */
    public void updateIfVisible(String coupleId, long sequence, ReplayStatus replay, Predicate<CoupleDocument> change) {
        find(coupleId).ifPresent(couple -> {
            if (!couple.applied().isNew(coupleId, sequence)) {
                return;
            }
            CoupleView summary = replay.isReplay() ? null : couple.summary();
            if (change.test(couple)) {
                couple.applied().record(coupleId, sequence);
                push(couple, summary, replay);
            } else {
                couple.applied().skip(coupleId, sequence);
                store(couple);
            }
        });
    }

    /** Applies a change once per event, stores it, and tells the couple's screens. */
    void apply(CoupleDocument couple, String aggregateId, long sequence, ReplayStatus replay,
               Consumer<CoupleDocument> change) {
        // What the screens were shown, to push only what this change made different; not needed in a replay.
        CoupleView summary = replay.isReplay() || couple.applied().version() == 0 ? null : couple.summary();
        if (couple.applied().applyOnce(aggregateId, sequence, () -> change.accept(couple))) {
            push(couple, summary, replay);
        }
    }

    /** Stores the change and pushes the items it touched, as they were and as they are (all of it new if summary is null). */
    private void push(CoupleDocument couple, CoupleView summary, ReplayStatus replay) {
        CoupleView before = summary == null ? null : couple.changedPart(summary, true);
        CoupleView after = replay.isReplay() ? null : couple.changedPart(couple.summary(), false);
        store(couple);
        if (!replay.isReplay()) {
            publisher.publish(before, after);
        }
    }

    Optional<CoupleDocument> find(String coupleId) {
        return couples.findById(coupleId).map(this::reading);
    }

    Optional<CoupleDocument> findOfPartner(String partnerId) {
        return couples.findFirstByPartnerIds(partnerId).map(this::reading);
    }

    /** The overviews of the couples whose access for this therapist is active (the caseload). */
    public List<CoupleView> viewsObservedBy(String therapistId) {
        return couples.findByObservingTherapistIds(therapistId).stream().map(this::reading)
                .map(CoupleDocument::toView).toList();
    }

    /** A partner's kept list items: read by nobody else. */
    public List<ListItemView> privateItemsOf(String coupleId, String authorId) {
        return find(coupleId).map(couple -> couple.privateItemsOf(authorId)).orElse(List.of());
    }

    /** The couple listing the session; an earlier build's document may still list it in itself. */
    private Optional<CoupleDocument> findBySession(String sessionId) {
        return items.findFirstByKeyAndList(sessionId, CoupleLists.SESSIONS).flatMap(item -> find(item.coupleId()))
                .or(() -> couples.findFirstBySessionsSessionId(sessionId).map(this::reading));
    }

    /** A new couple's document, reading its items from where they are stored. */
    CoupleDocument reading(CoupleDocument couple) {
        return couple.readingFrom(CoupleItems.of(items, couple.coupleId()));
    }

    /** Items first: stored again, they are the same documents, so a crash between the two loses nothing. */
    private void store(CoupleDocument couple) {
        couple.takeChanged().storeIn(items);
        couples.save(couple);
    }

    /** An erased couple's overview goes, its items with it: nothing of it is kept for anyone. */
    void deleteCouple(String coupleId) {
        items.deleteByCoupleId(coupleId);
        couples.deleteById(coupleId);
    }

    void deleteAll() {
        items.deleteAll();
        couples.deleteAll();
    }
}
