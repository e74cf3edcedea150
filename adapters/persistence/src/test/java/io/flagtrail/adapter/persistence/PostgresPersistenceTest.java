package io.flagtrail.adapter.persistence;

import static io.flagtrail.application.contract.Samples.command;
import static io.flagtrail.application.contract.Samples.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, startApplication = false)
class PostgresPersistenceTest extends PersistenceContractTest {

    @Override
    TestDatabase.Target database() {
        return TestDatabase.postgres();
    }

    @Test
    void the_database_itself_refuses_to_change_or_remove_audit_entries() {
        recorder().create(command(uniqueKey(), null));
        // A sealed entry is put in as the owner inside a transaction that the refusal then rolls back: sealing here
        // would sign with a key of this test's own, which the contract's sealing case does not know.
        String sealedOne = "BEGIN; SET LOCAL session_replication_role = replica; INSERT INTO audit_entries "
                + "SELECT seq, id, category, action, outcome, severity, actor_type, actor_id, actor_name, actor_email, "
                + "subject_type, subject_id, subject_key, reason, before_state, after_state, changes, request_id, "
                + "traceparent, channel, client_ip, user_agent, occurred_at, 9999999, 'x', 'x' FROM audit_pending "
                + "LIMIT 1; SET LOCAL session_replication_role = origin; ";

        var refusals = new java.util.ArrayList<IllegalStateException>();
        for (var statement : List.of("UPDATE audit_pending SET reason = 'forged'", "DELETE FROM audit_pending",
                "TRUNCATE audit_pending", sealedOne + "UPDATE audit_entries SET reason = 'forged'",
                sealedOne + "DELETE FROM audit_entries", "TRUNCATE audit_entries",
                // a partition on its own (ADR 0011): its rows go through the same guard, and it has its own
                sealedOne + "DELETE FROM audit_entries_p0", "TRUNCATE audit_entries_p0",
                "DELETE FROM ledger_partitions", "UPDATE ledger_partitions SET hi = hi + 1",
                "INSERT INTO ledger_partitions (lo, hi) VALUES (900000000000, 900000000100)",
                "TRUNCATE ledger_partitions",
                "INSERT INTO audit_entries SELECT seq, id, category, action, outcome, severity, actor_type, actor_id, "
                        + "actor_name, actor_email, subject_type, subject_id, subject_key, 'forged', before_state, "
                        + "after_state, changes, request_id, traceparent, channel, client_ip, user_agent, occurred_at, "
                        + "9999999, 'x', 'x' FROM audit_pending LIMIT 1")) {
            refusals.add(assertThrows(IllegalStateException.class, () -> TestDatabase.execute(database, statement),
                    statement));
        }

        for (var refused : refusals) {
            assertTrue(refused.getCause().getMessage().contains("append-only")
                    || refused.getCause().getMessage().contains("sealed only from audit_pending, unchanged")
                    || refused.getCause().getMessage().contains("ledger partitions change only with their partitions"),
                    refused.getCause().getMessage());
        }
        assertEquals("POSTGRES", database.dialect());
    }

    @Test
    void the_database_itself_refuses_to_change_or_remove_what_a_witness_took() {
        witnessed.add("prod", 0, io.flagtrail.application.contract.Samples.cosigned("prod", 7));

        for (var statement : List.of("UPDATE witnessed_checkpoints SET size = 8", "DELETE FROM witnessed_checkpoints",
                "TRUNCATE witnessed_checkpoints")) {
            var refused = assertThrows(IllegalStateException.class, () -> TestDatabase.execute(database, statement));
            assertTrue(refused.getCause().getMessage().contains("witnessed_checkpoints is append-only"),
                    refused.getCause().getMessage());
        }
        assertEquals(7, witnessed.latest("prod").orElseThrow().checkpoint().size());
    }
}
