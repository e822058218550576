package app.duet.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The read side never writes an event and never reaches into the write side. */
@AnalyzeClasses(packages = "app.duet.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule querySideSendsNoCommandsAndAppliesNoEvents = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "app.duet.command..", "org.axonframework.commandhandling..", "org.axonframework.modelling.command..");

    @ArchTest
    static final ArchRule querySideDoesNotAppendToTheStore = noClasses()
            .should().callMethod(org.axonframework.eventhandling.EventBus.class, "publish", java.util.List.class)
            .orShould().callMethod(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class,
                    "appendEvents", java.util.List.class);
}
