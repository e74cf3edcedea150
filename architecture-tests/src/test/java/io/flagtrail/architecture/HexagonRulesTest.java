package io.flagtrail.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;

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

    static Stream<Arguments> rules() {
        return Stream.<Function<String, ArchRule>>of(
                HexagonRules::domainIsPlainJava,
                HexagonRules::applicationDependsOnDomainOnly,
                HexagonRules::adaptersAreIndependent,
                HexagonRules::rowsStayInPersistence,
                HexagonRules::webTypesStayInWeb,
                HexagonRules::controllersLiveInWeb,
                HexagonRules::commandsLiveInCli,
                HexagonRules::noPackageCycles).map(rule -> Arguments.of(rule.apply(FLAGTRAIL).getDescription(), rule));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds_for_flagtrail(String name, Function<String, ArchRule> rule) {
        rule.apply(FLAGTRAIL).check(FLAGTRAIL_CLASSES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void fails_for_a_deliberate_violation(String name, Function<String, ArchRule> rule) {
        assertThrows(AssertionError.class, () -> rule.apply(BROKEN).check(BROKEN_CLASSES));
    }
}
