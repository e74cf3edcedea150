package io.flagtrail.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of DESIGN.md §2, written against a root package so that the same rule runs over Flagtrail's
 * classes (where it must hold) and over deliberately broken fixtures (where it must fail). ArchUnit's
 * failOnEmptyShould stays on: a rule about a package with no classes fails instead of passing forever.
 */
final class HexagonRules {

    private HexagonRules() {
    }

    /** Rule 1: the domain depends on the JDK and itself only. */
    static ArchRule domainIsPlainJava(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..")
                .as("the domain depends on java.. only");
    }

    /** Rule 1: the application depends on the domain, itself and the JDK only. */
    static ArchRule applicationDependsOnDomainOnly(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(root + ".application..", root + ".domain..", "java..")
                .as("the application depends on the domain and java.. only");
    }

    /** Rule 3: an adapter never depends on another adapter. */
    static ArchRule adaptersAreIndependent(String root) {
        return slices().matching(root + ".adapter.(*)..").should().notDependOnEachOther()
                .as("adapters never depend on each other");
    }

    /** Rule 3: adapters reach the application through its ports, never a service class (bootstrap wires those). */
    static ArchRule adaptersUsePortsOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application.service..")
                .as("adapters never use application.service");
    }

    /** Rule 3: driven ports speak their own and the shared model's types, never a driving port's. */
    static ArchRule drivenPortsNeverUseDrivingTypes(String root) {
        return noClasses().that().resideInAPackage(root + ".application.port.out..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application.port.in..")
                .as("driven ports never depend on driving-port types");
    }

    /** Rule 4: persistence rows never leave the persistence adapter. */
    static ArchRule rowsStayInPersistence(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".adapter.persistence..")
                .should().dependOnClassesThat().areAnnotatedWith("io.micronaut.data.annotation.MappedEntity")
                .as("@MappedEntity rows never leave adapter.persistence");
    }

    /** Rule 4: HTTP DTOs and everything else of the web adapter stay in the web adapter. */
    static ArchRule webTypesStayInWeb(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".adapter.web..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter.web..")
                .as("HTTP DTOs never leave adapter.web");
    }

    /** Rule 5: controllers live only in the web adapter. */
    static ArchRule controllersLiveInWeb(String root) {
        return classes().that().areAnnotatedWith("io.micronaut.http.annotation.Controller")
                .should().resideInAPackage(root + ".adapter.web..")
                .as("controllers live only in adapter.web");
    }

    /** Rule 5: picocli commands live only in the CLI adapter. */
    static ArchRule commandsLiveInCli(String root) {
        return classes().that().areAnnotatedWith("picocli.CommandLine$Command")
                .should().resideInAPackage(root + ".adapter.cli..")
                .as("picocli commands live only in adapter.cli");
    }

    /** Rule 6: no package cycles anywhere. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles().as("no package cycles");
    }
}
