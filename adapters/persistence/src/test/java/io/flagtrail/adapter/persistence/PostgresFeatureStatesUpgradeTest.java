package io.flagtrail.adapter.persistence;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false, startApplication = false)
class PostgresFeatureStatesUpgradeTest extends FeatureStatesUpgradeTest {

    @Override
    TestDatabase.Target database() {
        return earlierRelease(TestDatabase.postgres());
    }
}
