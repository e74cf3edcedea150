package io.flagtrail.bootstrap;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class PostgresSystemTest extends JsonNumberEdgesSystemTest {

    @Override
    TestDatabase.Target database() {
        return TestDatabase.postgres();
    }
}
