package app.duet.api.commitment;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** Homework is due soon and these partners have not done their part: they are reminded. Holds no words. */
@Revision("1")
public record HomeworkDueSoon(String coupleId, String homeworkId, LocalDate dueOn, List<String> partnerIds) {
}
