package io.flagtrail.adapter.persistence;

import io.flagtrail.application.contract.PersistenceContract;
import io.flagtrail.testsupport.TestDatabase;

/**
 * The storage contract ({@link PersistenceContract}) on the JDBC adapters, run against PostgreSQL and against H2 (the
 * embedded default) by the two subclasses.
 */
abstract class PersistenceContractTest extends DatabaseTest implements PersistenceContract {

    /** A real database refusal, in the same statement as the append: a check constraint on the test's own schema. */
    @Override
    public void refuseAuditEntriesWithReason(String reason) {
        TestDatabase.execute(database, "ALTER TABLE audit_pending ADD CONSTRAINT ck_test_refuse_" + reason.replace("-", "_")
                + " CHECK (reason IS NULL OR reason <> '" + reason + "')");
    }
}
