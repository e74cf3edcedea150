package io.flagtrail.bootstrap;

import io.flagtrail.testsupport.TestDatabase;

class H2CliTest extends CliTest {

    @Override
    TestDatabase.Target database() {
        return TestDatabase.h2();
    }
}
