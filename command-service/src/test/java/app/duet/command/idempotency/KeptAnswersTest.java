package app.duet.command.idempotency;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotency keys keep each command's answer for a day, in plain text: so a command may only
 * answer with ids (and the couple's invitation code, or a therapist's own code to hand out), never with words a person wrote.
 */
class KeptAnswersTest {

    @Test
    void everyCommandAnswersWithIdsOnly() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<String> controllers = new ArrayList<>();
        List<String> wordy = new ArrayList<>();
        for (BeanDefinition controller : scanner.findCandidateComponents("app.duet.command")) {
            Class<?> type = Class.forName(controller.getBeanClassName());
            controllers.add(type.getSimpleName());
            for (Method method : type.getDeclaredMethods()) {
                if (AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class) == null
                        || method.getReturnType() == void.class) {
                    continue;
                }
                if (!method.getReturnType().isRecord()) {
                    wordy.add(type.getSimpleName() + "." + method.getName() + " answers " + method.getReturnType().getSimpleName());
                    continue;
                }
                for (RecordComponent field : method.getReturnType().getRecordComponents()) {
                    if (!(field.getName().endsWith("Id") && field.getType() == String.class)
                            && !field.getName().equals("invitationCode") && !field.getName().equals("therapistCode")) {
                        wordy.add(type.getSimpleName() + "." + method.getName() + " answers " + field.getName());
                    }
                }
            }
        }
        assertThat(controllers).contains("EverydayController", "SessionController");
        assertThat(wordy).as("command answers that are not ids").isEmpty();
    }
}
