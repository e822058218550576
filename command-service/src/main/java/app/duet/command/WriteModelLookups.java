package app.duet.command;

/**
 * The command side's own lookup tables (invitation codes, who is in which couple, data key
 * owners) are kept by event handlers in this subscribing group: they run in the very transaction
 * that appends the events, so a lookup is never behind the events it mirrors. They are part of the
 * write model, not projections.
 */
public final class WriteModelLookups {

    public static final String PROCESSING_GROUP = "write-model-lookups";

    private WriteModelLookups() {
    }
}
