package app.duet.standalone;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/GLOSSARY.md names each idea on every layer; this reads its table and checks the names
 * against the code: a feature is found in the same-named package of api, of the service that
 * handles it, and in the same-named folder of the page.
 */
class GlossaryTest {

    private static final Path ROOT = Path.of("..");
    private static final Path PAGE = ROOT.resolve("web-client/src/main/resources/static");
    private static JavaClasses code;
    private static List<Row> rows;

    record Row(String idea, String feature, String command, String event, String view, String topic, String screen) {
    }

    @BeforeAll
    static void readTheGlossaryAndTheCode() throws IOException {
        // Tests come as folders (mvn test) or as other modules' test jars (mvn verify): neither is the product.
        code = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("app.duet.api", "app.duet.command", "app.duet.query");
        rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(ROOT.resolve("docs/GLOSSARY.md"))) {
            if (line.startsWith("| Idea |")) {
                inTable = true;
            } else if (inTable && line.startsWith("|") && !line.startsWith("|---")) {
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                assertThat(cells).as(line).hasSize(7);
                rows.add(new Row(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip(), cells[4].strip(),
                        cells[5].strip(), cells[6].strip()));
            } else if (inTable && !line.startsWith("|")) {
                inTable = false;
            }
        }
        assertThat(rows).as("the glossary's table").hasSizeGreaterThan(40);
    }

    @Test
    void everyCommandIsInItsFeaturesApiAndHandledInItsFeaturesPackage() {
        for (Row row : rows) {
            if (named(row.command())) {
                JavaClass command = message(row.feature(), row.command());
                assertThat(handlers(CommandHandler.class).filter(handler -> takes(handler, command)).toList())
                        .as("%s is handled in app.duet.command.%s", row.command(), row.feature())
                        .isNotEmpty()
                        .allSatisfy(handler -> assertThat(handler.getOwner().getPackageName()
                                .startsWith("app.duet.command." + row.feature()))
                                .as("%s handled in %s", row.command(), handler.getOwner().getName()).isTrue());
            }
        }
    }

    @Test
    void everyEventIsInItsFeaturesApiAndAppliedInItsFeaturesPackage() {
        for (Row row : rows) {
            if (named(row.event())) {
                JavaClass event = message(row.feature(), row.event());
                List<String> appliedIn = event.getConstructorCallsToSelf().stream()
                        .map(call -> call.getOriginOwner().getPackageName())
                        .filter(pkg -> pkg.startsWith("app.duet.command."))
                        .distinct().toList();
                assertThat(appliedIn).as("where %s is made on the command side", row.event())
                        .contains("app.duet.command." + row.feature());
            }
        }
    }

    @Test
    void everyViewIsInItsFeaturesApiAndBuiltOrAnsweredInItsFeaturesQueryPackage() {
        for (Row row : rows) {
            if (named(row.view())) {
                String feature = row.view().contains(".") ? row.view().substring(0, row.view().indexOf('.')) : row.feature();
                String name = row.view().substring(row.view().indexOf('.') + 1);
                JavaClass view = message(feature, name);
                List<String> usedIn = view.getDirectDependenciesToSelf().stream()
                        .map(dependency -> dependency.getOriginClass().getPackageName())
                        .filter(pkg -> pkg.startsWith("app.duet.query."))
                        .distinct().toList();
                assertThat(usedIn).as("where %s is built or answered on the query side", row.view())
                        .anyMatch(pkg -> pkg.equals("app.duet.query." + feature) || pkg.startsWith("app.duet.query." + feature + "."));
            }
        }
    }

    @Test
    void everyFeatureHasItsFolderInThePageAndEveryScreenAndTopicExists() throws IOException {
        String stompDocument = Files.readString(ROOT.resolve("docs/STOMP.md"));
        for (Row row : rows) {
            assertThat(PAGE.resolve("js/" + row.feature())).as("the page's folder for %s", row.feature()).isDirectory();
            assertThat(PAGE.resolve(row.screen())).as("the screen of \"%s\"", row.idea()).exists();
            if (named(row.topic())) {
                assertThat(stompDocument).as("docs/STOMP.md documents %s", row.topic()).contains(row.topic());
            }
        }
    }

    /** A message of the feature's api package, which must exist there. */
    private static JavaClass message(String feature, String simpleName) {
        String name = "app.duet.api." + feature + "." + simpleName;
        assertThat(code.contain(name)).as("%s is in app.duet.api.%s", simpleName, feature).isTrue();
        return code.get(name);
    }

    private static Stream<JavaCodeUnit> handlers(Class<? extends java.lang.annotation.Annotation> annotation) {
        return code.stream().flatMap(type -> type.getCodeUnits().stream()).filter(unit -> unit.isAnnotatedWith(annotation));
    }

    private static boolean takes(JavaCodeUnit handler, JavaClass message) {
        return !handler.getRawParameterTypes().isEmpty() && handler.getRawParameterTypes().get(0).equals(message);
    }

    private static boolean named(String cell) {
        return !cell.isEmpty() && !cell.equals("—");
    }
}
