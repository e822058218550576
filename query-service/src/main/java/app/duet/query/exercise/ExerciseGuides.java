package app.duet.query.exercise;

import app.duet.api.exercise.Act;
import app.duet.api.exercise.ExerciseGuideView;
import app.duet.api.exercise.ExerciseStep;
import app.duet.api.session.Exercise;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Stream;

/**
 * The six exercises in the reader's language, from the {@code i18n/exercises} resource bundle: the
 * same steps the sessions enforce, with Duet's own prompts and help. A language without a
 * translation falls back to English.
 */
@RestController
@RequestMapping("/api/queries")
@Tag(name = "Exercises", description = "The exercises' steps, prompts and help, ready for translation")
class ExerciseGuides {

    private static final String BUNDLE = "i18n/exercises";

    @GetMapping("/exercises")
    @Operation(summary = "Every exercise with its steps, prompts, help and labels, in the language the request asks for (Accept-Language)")
    List<ExerciseGuideView> guides(Locale locale) {
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        return Arrays.stream(Exercise.values()).map(exercise -> guide(exercise, words)).toList();
    }

    private static ExerciseGuideView guide(Exercise exercise, ResourceBundle words) {
        List<ExerciseGuideView.StepGuide> steps = new ArrayList<>();
        Stream.concat(exercise.steps().stream(), Stream.of(ExerciseStep.NOTES)).forEach(step -> {
            String prefix = step == ExerciseStep.NOTES ? "step.notes." : "step." + exercise + "." + step.key() + ".";
            steps.add(new ExerciseGuideView.StepGuide(step.key(), step.sharing(), step.accepts(), step.link(),
                    words.getString(prefix + "title"), words.getString(prefix + "prompt"),
                    words.getString(prefix + "help"), words.getString("sharing." + step.sharing()),
                    step.acts().stream().sorted().toList()));
        });
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : words.keySet().stream().sorted().toList()) {
            if (Stream.of("link.", "move.", "lean.", "need.", "act.", "change.").anyMatch(key::startsWith)) {
                labels.put(key, words.getString(key));
            }
        }
        return new ExerciseGuideView(exercise, words.getString("exercise." + exercise + ".title"),
                words.getString("exercise." + exercise + ".purpose"), steps,
                exercise.acts().stream().sorted().toList(), labels);
    }
}
