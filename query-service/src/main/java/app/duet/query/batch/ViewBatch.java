package app.duet.query.batch;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The view documents one batch of a processor's events reads and changes, kept in memory for the
 * batch's unit of work: each is read from MongoDB at most once, changed in place by as many events
 * as touch it, and written with one bulk write per collection when the batch commits, before the
 * processor's token ({@link ViewsBeforeTokens}), so a token never passes views left unwritten. The
 * views' pushes wait for that too, and go out in their order once the batch is stored.
 * <p>
 * A batch keeps each document as the object its handlers change, mapped from BSON when first read and
 * back when stored: mapping a whole document for every event was most of a rebuild's time. A handler
 * that fails halfway would leave its half-made change in such an object, so then nothing of the batch
 * is stored ({@link AppliedAgainOnCopies}) and the processor applies it again with every read mapping
 * a fresh copy from BSON and every save mapping it back, as before: a failed event's change is then
 * dropped with its copy, and the event goes to the dead-letter queue.
 * <p>
 * A processor far behind the head (a rebuild, a restart after downtime) carries its batch on to its
 * next one instead ({@link #carryOn}): the documents stay in memory, changed by the next batch's events
 * too, and are written, with the token, at most a few seconds or some thousands of documents later.
 * A document many batches touch is then read, mapped and written once, not once a batch. Should the
 * processor stop, fail or lose its claim meanwhile, what it carried is dropped: the views and the
 * token stored are those of the last write, and the events after it are applied again.
 */
public final class ViewBatch {

    private static final Logger log = LoggerFactory.getLogger(ViewBatch.class);
    private static final String RESOURCE = ViewBatch.class.getName();
    /** Stands for a document the batch looked for and MongoDB does not have. */
    static final Object ABSENT = new Object();
    /** Processors' segments whose next batch maps a fresh copy per read, as a handler of their last one failed. */
    private static final Set<String> APPLY_ON_COPIES = ConcurrentHashMap.newKeySet();
    /**
     * The batch this processor thread carries on to its next one of the same segment. Kept by thread:
     * a segment claimed anew gets a new worker thread, and two applications in one JVM never share.
     */
    private static final ThreadLocal<ViewBatch> CARRIED = new ThreadLocal<>();
    /** A carried batch is written at the latest after this long, or holding this many changed documents or pushes. */
    private static final long CARRIED_AT_MOST_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int MOST_CARRIED_DOCUMENTS = 20_000;
    private static final int MOST_CARRIED_PUSHES = 20_000;

    private final Map<String, Map<Object, Object>> documents = new HashMap<>();
    private final Map<String, Map<Object, Object>> changed = new LinkedHashMap<>();
    private final List<Runnable> pushes = new ArrayList<>();
    /** Writes outside the views (events parked behind a parked one) that wait for the batch to be stored. */
    private final List<Runnable> afterViews = new ArrayList<>();
    private final String segment;
    private final boolean keepsObjects;
    private boolean handlerFailed;
    /** Whether this unit of work's token store carried the batch on rather than writing it. */
    private boolean carriedOn;
    private long carriedSinceNanos;
    private BiConsumer<String, List<Object>> writer;

    private ViewBatch(String segment) {
        this.segment = segment;
        // Only a tracking processor's batch is applied again when it fails; any other unit of work (a
        // dead letter retried, say) keeps copies and handles its own failures.
        this.keepsObjects = !segment.isEmpty() && !APPLY_ON_COPIES.contains(segment);
    }

    /** The batch of the event processor's unit of work on this thread, begun on first use; none outside one. */
    public static Optional<ViewBatch> current() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?>)) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return Optional.of(root.getOrComputeResource(RESOURCE, key -> begin(root)));
    }

    /** The batch of this thread's unit of work if one has begun, without beginning one. */
    static Optional<ViewBatch> started() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        return Optional.ofNullable(CurrentUnitOfWork.get().root().getResource(RESOURCE));
    }

    private static ViewBatch begin(UnitOfWork<?> unitOfWork) {
        String segment = segmentOf(unitOfWork);
        ViewBatch carried = segment.isEmpty() ? null : takeCarried(segment).orElse(null);
        ViewBatch batch = carried != null ? carried : new ViewBatch(segment);
        batch.carriedOn = false;
        // The token store writes the batch first (ViewsBeforeTokens); this covers a processor whose token store does not.
        unitOfWork.onPrepareCommit(u -> {
            if (!batch.carriedOn) {
                batch.store();
            }
        });
        return batch;
    }

    /** How a tracking processor's segment is named among its unit of work's resources, as {@code segmentOf} finds it. */
    static String segmentKey(String processorName, int segment) {
        return "Processor[" + processorName + "]/SegmentId=" + segment;
    }

    /** The batch this thread carries for the segment, taken from where it waits; it is carried on again or written. */
    static Optional<ViewBatch> takeCarried(String segment) {
        ViewBatch carried = CARRIED.get();
        CARRIED.remove();
        // Another segment's on this thread: its processor moved on without writing it, so it is dropped.
        return Optional.ofNullable(carried).filter(batch -> batch.segment.equals(segment));
    }

    /**
     * A token of {@code segment} is read, set, deleted or let go on this thread. Of the segment this
     * thread carries, what it carried is dropped: its processor reads from its stored token again, or
     * no longer holds it. Of another (a split or merge, which starts the other half from how far this
     * thread has applied events), what it carried is written first, views ahead of their token.
     */
    static void settleCarried(String segment) {
        ViewBatch carried = CARRIED.get();
        CARRIED.remove();
        if (carried != null && !carried.segment.equals(segment)) {
            carried.store();
        }
    }

    /** Whether this batch was carried from an earlier unit of work. */
    boolean wasCarried() {
        return carriedSinceNanos != 0;
    }

    /**
     * Keeps this batch, unwritten, for the segment's next batch, unless it failed, changes copies, or
     * has been carried long enough; false if it is to be written now.
     */
    boolean carryOn(String segmentKey) {
        if (!keepsObjects || handlerFailed || !segment.equals(segmentKey)) {
            return false;
        }
        long now = System.nanoTime();
        if (carriedSinceNanos == 0) {
            carriedSinceNanos = now;
        }
        int changedDocuments = changed.values().stream().mapToInt(Map::size).sum();
        if (now - carriedSinceNanos > CARRIED_AT_MOST_NANOS || changedDocuments > MOST_CARRIED_DOCUMENTS
                || pushes.size() > MOST_CARRIED_PUSHES) {
            return false;
        }
        // Raw documents read and not changed are settings (which collection serves), and documents found
        // missing may be made by others: read them again.
        documents.forEach((collection, inCollection) -> inCollection.entrySet().removeIf(read ->
                (read.getValue() instanceof Document || read.getValue() == ABSENT)
                        && !changed.getOrDefault(collection, Map.of()).containsKey(read.getKey())));
        carriedOn = true;
        CARRIED.set(this);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onRollback(u -> {
                if (CARRIED.get() == this) {
                    CARRIED.remove();
                }
            });
        }
        return true;
    }

    /** Runs once the batch's views are stored; at once outside a processor's batch. */
    public static void afterStored(Runnable push) {
        current().ifPresentOrElse(batch -> batch.pushes.add(push), push);
    }

    /**
     * Writes every document changed so far, one bulk write per collection, then pushes what changed.
     * The pushes go out once the views are stored, not once the token is: should storing the token
     * fail, the batch is processed again, finds its events applied, and would push nothing.
     */
    public void store() {
        refuseIfAHandlerFailed();
        carriedSinceNanos = 0;
        List<String> collections = List.copyOf(changed.keySet());
        for (String collection : collections) {
            store(collection);
        }
        afterViews.forEach(Runnable::run);
        afterViews.clear();
        if (!keepsObjects) {
            APPLY_ON_COPIES.remove(segment);
        }
        push();
    }

    /**
     * Runs a write once the batch is stored if this thread's batch keeps objects (it may yet be refused
     * and applied again, which would write it twice), else at once.
     */
    public static void afterStoredIfAppliedAgainOnFailure(Runnable write) {
        current().filter(batch -> batch.keepsObjects).ifPresentOrElse(batch -> batch.afterViews.add(write), write);
    }

    /** A handler of this thread's batch failed: see {@link AppliedAgainOnCopies}. */
    public static void handlerFailed() {
        current().ifPresent(batch -> batch.handlerFailed = true);
    }

    /** Whether this thread's batch will be stored by nobody, and applied again on copies: its failures are not to be parked. */
    public static boolean willBeAppliedAgain() {
        return current().map(batch -> batch.keepsObjects && batch.handlerFailed).orElse(false);
    }

    /** Whether the batch keeps the objects its handlers change, rather than a BSON copy. */
    boolean keepsObjects() {
        return keepsObjects;
    }

    private void refuseIfAHandlerFailed() {
        if (keepsObjects && handlerFailed) {
            APPLY_ON_COPIES.add(segment);
            throw new AppliedAgainOnCopies();
        }
    }

    void store(String collection) {
        refuseIfAHandlerFailed();
        Map<Object, Object> pending = changed.remove(collection);
        if (pending != null && !pending.isEmpty()) {
            try {
                writer.accept(collection, List.copyOf(pending.values()));
            } catch (RuntimeException failed) {
                // Kept objects are mapped to BSON only here, outside any handler: should one not map, the
                // batch goes again on copies, where each save maps in its handler and a failure is parked.
                if (keepsObjects) {
                    APPLY_ON_COPIES.add(segment);
                }
                throw failed;
            }
        }
    }

    /**
     * The document as this batch knows it: null if unknown, {@link #ABSENT} if MongoDB has none, else
     * its BSON or (once read as one) the object the handlers change.
     */
    Object known(String collection, Object id) {
        Map<Object, Object> inCollection = documents.get(collection);
        return inCollection == null ? null : inCollection.get(id);
    }

    void read(String collection, Object id, Object document) {
        documents.computeIfAbsent(collection, c -> new HashMap<>()).put(id, document == null ? ABSENT : document);
    }

    void change(String collection, Object id, Object document, BiConsumer<String, List<Object>> writer) {
        this.writer = writer;
        read(collection, id, document);
        changed.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(id, document);
    }

    /**
     * Before anything else reads or writes the collection: what changed is stored, and nothing of it is
     * kept. A handler that changed a kept document and then queried its collection before failing would
     * have its half change stored here; none does (they query before they change), and keep it so.
     */
    void handOver(String collection) {
        store(collection);
        documents.remove(collection);
    }

    /** Which processor's segment runs the unit of work, as Axon's tracking processor names it among its resources. */
    private static String segmentOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.resources().entrySet().stream()
                .filter(resource -> resource.getKey().startsWith("Processor[") && resource.getKey().endsWith("]/SegmentId"))
                .map(resource -> resource.getKey() + "=" + resource.getValue())
                .findFirst().orElse("");
    }

    private void push() {
        for (Runnable push : pushes) {
            try {
                push.run();
            } catch (RuntimeException failed) {
                // A view's push is a courtesy: the view is stored, and a client that missed it refetches on the next version.
                log.warn("Could not push a view: {}", failed.getMessage());
            }
        }
        pushes.clear();
    }
}
