package io.flagtrail.adapter.persistence;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false, startApplication = false)
class H2ProjectsTest extends ProjectsTest {

    @Override
    TestDatabase.Target database() {
        return TestDatabase.h2();
    }
}
