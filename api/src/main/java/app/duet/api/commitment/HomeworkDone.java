package app.duet.api.commitment;

import org.axonframework.serialization.Revision;

/** A partner did their part of the homework. */
@Revision("1")
public record HomeworkDone(String coupleId, String homeworkId, String partnerId) {
}
