package app.duet.api.commitment;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A check-point of a commitment in force is coming up: the partners are reminded, and the observing therapists told. */
@Revision("1")
public record CheckpointComingUp(String coupleId, String commitmentId, LocalDate checkpoint, List<String> partnerIds) {
}
