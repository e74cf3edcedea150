package io.flagtrail.bootstrap;

import io.flagtrail.testsupport.TestDatabase;

class PostgresCliTest extends CliTest {

    @Override
    TestDatabase.Target database() {
        return TestDatabase.postgres();
    }
}
