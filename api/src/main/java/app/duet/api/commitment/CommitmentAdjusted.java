package app.duet.api.commitment;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A commitment's end or improvement date moved; earlier acceptances no longer count. */
@Revision("1")
public record CommitmentAdjusted(String coupleId, String commitmentId, String adjustedBy, LocalDate endsOn, LocalDate improvementBy) {
}
