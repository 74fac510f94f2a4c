package com.roofworx.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The app's layering: {@code interfaces} (HTTP) may use {@code infrastructure} (settings, wiring, health,
 * metrics), never the reverse, and only infrastructure knows the adapters and their drivers.
 */
class ArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.roofworx.app");

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("com.roofworx.app.(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void infrastructureDoesNotKnowTheHttpLayer() {
        noClasses().that().resideInAPackage("com.roofworx.app.infrastructure..")
                .should().dependOnClassesThat().resideInAPackage("com.roofworx.app.interfaces..")
                .check(APP);
    }

    @Test
    void theHttpLayerKnowsNoAdapterOrDriver() {
        noClasses().that().resideInAPackage("com.roofworx.app.interfaces..")
                .should().dependOnClassesThat().resideInAnyPackage("com.roofworx.sdk.redis..",
                        "com.roofworx.sdk.postgres..", "com.roofworx.sdk.zoho..", "com.roofworx.sdk.memory..",
                        "com.roofworx.sdk.internal..", "io.lettuce..", "com.zaxxer..", "org.postgresql..", "java.sql..")
                .check(APP);
    }
}
