package io.flagtrail.adapter.persistence;

import io.flagtrail.testsupport.TestDatabase;
import java.util.List;

/**
 * The ledger's tables copied aside once and put back before each test, for the tests that tamper with the ledger as
 * its database owner (triggers off). Every table the evidence lives in is here: a test that put back the entries but
 * not the tree, say, would start from a ledger that rightly looks tampered with.
 */
final class LedgerSnapshot {

    /** Any SQL, the append-only triggers off: what the database owner can do. */
    static final String AS_OWNER = "SET session_replication_role = replica; ";
    private static final List<String> TABLES = List.of("audit_entries", "audit_pending", "ledger_checkpoints",
            "ledger_tree_nodes");

    private LedgerSnapshot() {
    }

    static void take(TestDatabase.Target database) {
        for (var table : TABLES) {
            TestDatabase.execute(database, "CREATE TABLE " + table + "_snapshot AS SELECT * FROM " + table);
        }
    }

    static void restore(TestDatabase.Target database) {
        var sql = new StringBuilder(AS_OWNER);
        for (var table : TABLES) {
            sql.append("DELETE FROM ").append(table).append("; INSERT INTO ").append(table)
                    .append(" SELECT * FROM ").append(table).append("_snapshot; ");
        }
        TestDatabase.execute(database, sql.toString());
    }
}
