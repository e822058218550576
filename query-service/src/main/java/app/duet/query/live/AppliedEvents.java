package app.duet.query.live;

import java.util.HashMap;
import java.util.Map;

/**
 * What a view document has already applied: the last sequence number per aggregate it listens to.
 * Delivery is at least once, so a handler asks {@link #isNew} first and applies nothing twice.
 * {@code version} counts the events applied, so clients see it rise by exactly one per change.
 */
public class AppliedEvents {

    private Map<String, Long> lastSequenceByAggregate = new HashMap<>();
    private long version;

    /** Makes the change and records it, unless this event was applied before; says whether it was new. */
    public boolean applyOnce(String aggregateId, long sequenceNumber, Runnable change) {
        if (!isNew(aggregateId, sequenceNumber)) {
            return false;
        }
        change.run();
        record(aggregateId, sequenceNumber);
        return true;
    }

    /**
     * Makes a change nobody else sees (a private draft) once: applied, not applied twice, and the
     * version, which counts visible changes, left as it is. Says whether it was new.
     */
    public boolean applyQuietly(String aggregateId, long sequenceNumber, Runnable change) {
        if (!isNew(aggregateId, sequenceNumber)) {
            return false;
        }
        change.run();
        skip(aggregateId, sequenceNumber);
        return true;
    }

    public boolean isNew(String aggregateId, long sequenceNumber) {
        Long last = lastSequenceByAggregate.get(aggregateId);
        return last == null || sequenceNumber > last;
    }

    public void record(String aggregateId, long sequenceNumber) {
        lastSequenceByAggregate.put(aggregateId, sequenceNumber);
        version++;
    }

    /**
     * Marks an event applied without a visible change (a private draft): it is not applied twice, and
     * the version, which counts changes clients can see, stays as it is.
     */
    public void skip(String aggregateId, long sequenceNumber) {
        lastSequenceByAggregate.put(aggregateId, sequenceNumber);
    }

    public long version() {
        return version;
    }

    public Map<String, Long> getLastSequenceByAggregate() {
        return lastSequenceByAggregate;
    }

    public void setLastSequenceByAggregate(Map<String, Long> lastSequenceByAggregate) {
        this.lastSequenceByAggregate = lastSequenceByAggregate;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
