package app.duet.command;

import app.duet.api.AggregateType;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The write side never reads a projection to decide, and its features do not lean on each other's insides. */
@AnalyzeClasses(packages = "app.duet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideTouchesNoQueryCode = noClasses()
            .that().resideInAPackage("app.duet.command..")
            .should().dependOnClassesThat().resideInAnyPackage("app.duet.query..", "org.springframework.data.mongodb..");

    @ArchTest
    static final ArchRule commandSideUsesNoQueries = noClasses()
            .that().resideInAPackage("app.duet.command..")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("Find")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("View");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("app.duet.command.(*)..").should().beFreeOfCycles();

    /** Readers of the store tell a couple's events from a session's by {@link AggregateType}: it names these classes. */
    @ArchTest
    static void aggregatesAreStoredUnderTheTypeNamesTheApiGives(JavaClasses classes) {
        assertThat(classes.stream().filter(c -> c.isAnnotatedWith(Aggregate.class)).map(JavaClass::getSimpleName))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AggregateType.values()).map(AggregateType::typeName).toList());
    }
}
