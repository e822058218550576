package app.duet.api.commitment;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A therapist set the couple homework; both partners see it. */
@Revision("1")
public record HomeworkSet(@DataOwner String coupleId, String homeworkId, String setBy, @PersonalData String words, LocalDate dueOn) {
}
