package io.flagtrail.bootstrap;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class H2SystemTest extends JsonNumberEdgesSystemTest {

    @Override
    TestDatabase.Target database() {
        return TestDatabase.h2();
    }
}
