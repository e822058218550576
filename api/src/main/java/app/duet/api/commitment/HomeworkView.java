package app.duet.api.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Homework the therapist set, and which partners have done their part. */
public record HomeworkView(String homeworkId, String words, LocalDate dueOn, Instant setAt, List<String> doneBy) {
}
