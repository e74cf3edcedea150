package io.flagtrail.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, startApplication = false)
class PostgresRetentionTest extends RetentionTest {

    @Override
    TestDatabase.Target database() {
        return TestDatabase.postgres();
    }

    @Test
    void the_database_refuses_to_delete_a_retained_entry_even_inside_a_purge() {
        long retained = run.record().retained().firstKey();
        var refused = assertThrows(IllegalStateException.class, () -> TestDatabase.execute(database,
                "BEGIN; SELECT set_config('flagtrail.purge', '" + run.record().purgedTo() + "', true); "
                        + "DELETE FROM audit_entries WHERE position = " + retained + "; COMMIT"));
        assertTrue(refused.getCause().getMessage().contains("append-only"), refused.getCause().getMessage());
    }

    @Test
    void the_database_refuses_to_delete_beyond_the_purge_record() {
        long beyond = run.record().purgedTo() + 1;
        assertThrows(IllegalStateException.class, () -> TestDatabase.execute(database,
                "BEGIN; SELECT set_config('flagtrail.purge', '" + run.record().purgedTo() + "', true); "
                        + "DELETE FROM audit_entries WHERE position = " + beyond + "; COMMIT"));
        assertThrows(IllegalStateException.class, () -> TestDatabase.execute(database,
                "BEGIN; SELECT set_config('flagtrail.purge', '" + (beyond + 100) + "', true); "
                        + "DELETE FROM audit_entries WHERE position = " + beyond + "; COMMIT"));
    }

    @Test
    void purge_records_are_append_only() {
        assertThrows(IllegalStateException.class,
                () -> TestDatabase.execute(database, "UPDATE ledger_purges SET signature = 'x'"));
        assertThrows(IllegalStateException.class,
                () -> TestDatabase.execute(database, "DELETE FROM ledger_purge_retained"));
    }

    @Override
    void ownerDeletes(long position) {
        TestDatabase.execute(database, LedgerSnapshot.AS_OWNER + "CREATE TABLE deleted_entry AS SELECT * FROM audit_entries "
                + "WHERE position = " + position + "; DELETE FROM audit_entries WHERE position = " + position);
    }

    @Override
    void restoreDeleted() {
        TestDatabase.execute(database, LedgerSnapshot.AS_OWNER + "INSERT INTO audit_entries SELECT * FROM deleted_entry; "
                + "DROP TABLE deleted_entry");
    }
}
