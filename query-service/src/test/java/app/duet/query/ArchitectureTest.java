package app.duet.query;

import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The read side never writes an event, never reaches into the write side, and its features do not lean on each other in a circle. */
@AnalyzeClasses(packages = "app.duet.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule querySideSendsNoCommandsAndAppliesNoEvents = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "app.duet.command..", "org.axonframework.commandhandling..", "org.axonframework.modelling.command..");

    /**
     * Every route by which an event could enter the store: publishing on the event bus or the event
     * store (a bus too), the event gateway, the storage engine's appends, an aggregate's apply.
     */
    @ArchTest
    static final ArchRule querySideAppendsNoEventsByAnyRoute = noClasses()
            .that().resideInAPackage("app.duet.query..")
            .should().callMethodWhere(describe("publish on an event bus or event store",
                    (JavaMethodCall call) -> call.getName().equals("publish")
                            && call.getTargetOwner().isAssignableTo(EventBus.class)))
            .orShould().callMethodWhere(describe("append to an event storage engine",
                    (JavaMethodCall call) -> (call.getName().equals("appendEvents") || call.getName().equals("storeSnapshot"))
                            && call.getTargetOwner().isAssignableTo(EventStorageEngine.class)))
            .orShould().dependOnClassesThat().resideInAPackage("org.axonframework.eventhandling.gateway..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.modelling.command.AggregateLifecycle");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("app.duet.query.(*)..").should().beFreeOfCycles();
}
