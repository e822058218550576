package app.duet.api.exercise;

import app.duet.api.session.Exercise;

import java.util.List;
import java.util.Map;

/** An exercise in the reader's language: its purpose, each step's prompt and help, and the labels of its choices. */
public record ExerciseGuideView(Exercise exercise, String title, String purpose, List<StepGuide> steps, List<Act> acts,
                            Map<String, String> labels) {

    /** One step with its words, and the acts a partner on it may do. */
    public record StepGuide(String key, Sharing sharing, List<EntryKind> accepts, CycleLink link, String title,
                            String prompt, String help, String sharingNote, List<Act> acts) {
    }
}
