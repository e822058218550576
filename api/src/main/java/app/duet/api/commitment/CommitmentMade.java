package app.duet.api.commitment;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Both partners accepted: the commitment holds from its start to its end. */
@Revision("1")
public record CommitmentMade(String coupleId, String commitmentId, LocalDate startsOn, LocalDate endsOn, LocalDate improvementBy) {
}
