package io.flagtrail.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule holds over Flagtrail and fails over the fixture that breaks it. */
class HexagonRulesTest {

    private static final String FLAGTRAIL = "io.flagtrail";
    private static final String BROKEN = "archfixture.bad";
    private static final JavaClasses FLAGTRAIL_CLASSES = new ClassFileImporter().importPackages(FLAGTRAIL);
    private static final JavaClasses BROKEN_CLASSES = new ClassFileImporter().importPackages(BROKEN);

    /** Each rule with the fixture class that breaks it: its failure must name that class, not fail for another reason. */
    static Stream<Arguments> rules() {
        return Stream.of(
                rule(HexagonRules::domainIsPlainJava, "archfixture.bad.domain.LeakyAggregate"),
                rule(HexagonRules::applicationDependsOnDomainOnly, "archfixture.bad.application.LeakyService"),
                rule(HexagonRules::adaptersAreIndependent, "archfixture.bad.adapter.web.WebUsesRow"),
                rule(HexagonRules::adaptersUsePortsOnly, "archfixture.bad.adapter.web.WebUsesService"),
                rule(HexagonRules::drivenPortsNeverUseDrivingTypes, "archfixture.bad.application.port.out.LeakyPort"),
                rule(HexagonRules::rowsStayInPersistence, "archfixture.bad.adapter.web.WebUsesRow"),
                rule(HexagonRules::webTypesStayInWeb, "archfixture.bad.application.LeakyService"),
                rule(HexagonRules::controllersLiveInWeb, "archfixture.bad.adapter.persistence.ControllerInPersistence"),
                rule(HexagonRules::commandsLiveInCli, "archfixture.bad.adapter.persistence.CommandInPersistence"),
                rule(HexagonRules::noPackageCycles, "archfixture.bad.cycle.a.A"));
    }

    private static Arguments rule(Function<String, ArchRule> rule, String breakingFixture) {
        return Arguments.of(rule.apply(FLAGTRAIL).getDescription(), rule, breakingFixture);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds_for_flagtrail(String name, Function<String, ArchRule> rule, String breakingFixture) {
        rule.apply(FLAGTRAIL).check(FLAGTRAIL_CLASSES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void fails_for_a_deliberate_violation_naming_it(String name, Function<String, ArchRule> rule, String breakingFixture) {
        var failure = assertThrows(AssertionError.class, () -> rule.apply(BROKEN).check(BROKEN_CLASSES));
        assertTrue(failure.getMessage().contains("<" + breakingFixture), () -> name + " failed without naming "
                + breakingFixture + " (an empty 'should' fails too): " + failure.getMessage());
    }
}
