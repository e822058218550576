package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner lists a concrete behaviour of the other that would move them; {@code size} runs from 1 (easy) to 5 (big). */
public record ListBehaviour(@TargetAggregateIdentifier String sessionId, String partnerId, String entryId, String step, String words, int size) {

    /** A behaviour's size runs from easy ... */
    public static final int EASIEST = 1;
    /** ... to a big step. */
    public static final int BIGGEST = 5;

    public static boolean isSize(int size) {
        return size >= EASIEST && size <= BIGGEST;
    }
}
