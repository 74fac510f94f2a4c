package com.roofworx.sdk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Core stays embeddable anywhere: it knows no adapter, no framework and no driver. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.roofworx.sdk");

    @Test
    @DisplayName("core depends only on the JDK, itself and Resilience4j's core")
    void onlyAllowedDependencies() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.roofworx.sdk..", "io.github.resilience4j.core..")
                .check(CORE);
    }

    @Test
    @DisplayName("core does not reach into adapter modules")
    void noAdapters() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.roofworx.sdk.redis..", "com.roofworx.sdk.postgres..",
                        "com.roofworx.sdk.zoho..", "com.roofworx.sdk.testkit..")
                .check(CORE);
    }

    @Test
    @DisplayName("the public API and SPI do not expose the internal package")
    void internalStaysInternal() {
        noClasses().that().resideInAnyPackage("com.roofworx.sdk.spi..", "com.roofworx.sdk.model..",
                        "com.roofworx.sdk.event..", "com.roofworx.sdk.memory..")
                .should().dependOnClassesThat().resideInAPackage("com.roofworx.sdk.internal..")
                .check(CORE);
    }
}
