package com.clientvalue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The feature packages stay apart: decision knows nothing of governance, and no two features need each other. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.clientvalue");

    @Test
    void decisionDoesNotDependOnGovernance() {
        noClasses().that().resideInAPackage("com.clientvalue.decision..")
                .should().dependOnClassesThat().resideInAPackage("com.clientvalue.governance..")
                .check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.clientvalue.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void governancePackagesHaveNoCycles() {
        slices().matching("com.clientvalue.governance.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void commonAndSecurityDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("com.clientvalue.common..", "com.clientvalue.security..")
                .should().dependOnClassesThat().resideInAnyPackage("com.clientvalue.client..", "com.clientvalue.rules..",
                        "com.clientvalue.decision..", "com.clientvalue.governance..", "com.clientvalue.audit..",
                        "com.clientvalue.portfolio..")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheConsole() {
        noClasses().that().resideOutsideOfPackage("com.clientvalue.console..")
                .should().dependOnClassesThat().resideInAPackage("com.clientvalue.console..")
                .check(CLASSES);
    }

    @Test
    void rulesKnowNothingOfWhatChecksThem() {
        noClasses().that().resideInAPackage("com.clientvalue.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("com.clientvalue.governance..", "com.clientvalue.decision..",
                        "com.clientvalue.portfolio..")
                .check(CLASSES);
    }
}
