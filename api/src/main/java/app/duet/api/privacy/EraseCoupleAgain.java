package app.duet.api.privacy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The erasure ledger names a couple whose key the database holds again (it was restored from a backup
 * taken before the erasure): Duet erases it again at start, so every view lets it go as well. Sent by
 * Duet itself, never by a person.
 */
public record EraseCoupleAgain(@TargetAggregateIdentifier String coupleId) {
}
