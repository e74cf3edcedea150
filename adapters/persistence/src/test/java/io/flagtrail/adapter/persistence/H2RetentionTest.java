package io.flagtrail.adapter.persistence;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false, startApplication = false)
class H2RetentionTest extends RetentionTest {

    @Override
    TestDatabase.Target database() {
        return TestDatabase.h2();
    }

    @Override
    void ownerDeletes(long position) {
        TestDatabase.execute(database, "CREATE TABLE deleted_entry AS SELECT * FROM audit_entries WHERE position = "
                + position + "; DELETE FROM audit_entries WHERE position = " + position);
    }

    @Override
    void restoreDeleted() {
        TestDatabase.execute(database, "INSERT INTO audit_entries SELECT * FROM deleted_entry; DROP TABLE deleted_entry");
    }
}
