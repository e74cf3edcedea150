package io.flagtrail.bootstrap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A system test class: run once on H2 and once on PostgreSQL, against the {@link SystemServer} of each database
 * that every such class shares, and driven through a {@link SystemClient} of its own (the constructor's parameter).
 * Every answer the class received is checked against the served OpenAPI document after its last test. A class can
 * be run alone ({@code -Dtest=LedgerSystemTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassTemplate
@ExtendWith(SystemServers.class)
@interface SystemTest {
}
