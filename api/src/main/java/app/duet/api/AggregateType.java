package app.duet.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The aggregates whose events Duet stores, by the type name the event store records with each
 * event (the aggregate class's simple name). Readers of the store tell a couple's events from a
 * session's by this, never by comparing the names themselves.
 */
public enum AggregateType {
    COUPLE("Couple"),
    JOINT_SESSION("JointSession"),
    /** One person's choices about their notifications, and their reads: no couple's data. */
    INBOX("Inbox");

    private final String typeName;

    AggregateType(String typeName) {
        this.typeName = typeName;
    }

    /** The name stored with each event: the command side's aggregate class's simple name. */
    public String typeName() {
        return typeName;
    }

    /** The aggregate an event store's type name stands for, if it is one of Duet's. */
    public static Optional<AggregateType> of(String typeName) {
        return Arrays.stream(values()).filter(type -> type.typeName.equals(typeName)).findFirst();
    }

    /** Whether an event stored under this type name came from this aggregate. */
    public boolean matches(String storedTypeName) {
        return of(storedTypeName).orElse(null) == this;
    }
}
