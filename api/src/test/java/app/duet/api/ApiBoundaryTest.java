package app.duet.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shared contract stays a contract: plain records and enums, no framework but Axon's and Jackson's annotations. */
@AnalyzeClasses(packages = "app.duet.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiBoundaryTest {

    @ArchTest
    static final ArchRule noSpringMongoOrJpa = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "com.mongodb..", "org.bson..");

    @ArchTest
    static final ArchRule onlyAxonAnnotations = noClasses()
            .should().dependOnClassesThat(describe("are Axon classes other than annotations",
                    (JavaClass c) -> c.getPackageName().startsWith("org.axonframework") && !c.isAnnotation()));

    /** Enums that go by a wire name say so with Jackson's annotations; nothing else of Jackson's comes in. */
    @ArchTest
    static final ArchRule onlyJacksonAnnotations = noClasses()
            .should().dependOnClassesThat(describe("are Jackson classes other than its annotations",
                    (JavaClass c) -> (c.getPackageName().startsWith("com.fasterxml.jackson")
                            || c.getPackageName().startsWith("tools.jackson"))
                            && !c.getPackageName().equals("com.fasterxml.jackson.annotation")));

    @ArchTest
    static final ArchRule messagesAreRecordsOrEnums = classes()
            .that().areNotAnnotations()
            .should(be(describe("a record, an enum, or a sealed interface of records (one record per kind)",
                    (JavaClass c) -> c.isRecord() || c.isEnum() || isSealedOverRecords(c))));

    private static boolean isSealedOverRecords(JavaClass c) {
        Class<?> type = c.reflect();
        return type.isInterface() && type.isSealed()
                && java.util.Arrays.stream(type.getPermittedSubclasses()).allMatch(Class::isRecord);
    }

    @ArchTest
    static final ArchRule privacyMarksAreAnnotations = classes()
            .that().areAnnotations()
            .should().resideInAPackage("app.duet.api.privacy");

    /** Personal data is encrypted with its owner's key: a message that has some must name its owner. */
    @ArchTest
    static final ArchRule personalDataHasAnOwner = classes()
            .should(be(describe("without personal data, or with one @DataOwner", (JavaClass c) -> {
                if (!c.isRecord()) {
                    return true;
                }
                var components = c.reflect().getRecordComponents();
                boolean personal = java.util.Arrays.stream(components)
                        .anyMatch(rc -> rc.isAnnotationPresent(app.duet.api.privacy.PersonalData.class));
                long owners = java.util.Arrays.stream(components)
                        .filter(rc -> rc.isAnnotationPresent(app.duet.api.privacy.DataOwner.class)).count();
                return !personal || owners == 1;
            })));
}
