package io.flagtrail.adapter.persistence;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false, startApplication = false)
class H2FeatureStatesUpgradeTest extends FeatureStatesUpgradeTest {

    @Override
    TestDatabase.Target database() {
        return earlierRelease(TestDatabase.h2());
    }
}
