package app.duet.api.commitment;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A therapist proposed a time-bound commitment; it is made once both partners accept it. */
@Revision("1")
public record CommitmentProposed(String coupleId, String commitmentId, String proposedBy, LocalDate startsOn, LocalDate endsOn, LocalDate improvementBy, List<LocalDate> checkpoints) {
}
