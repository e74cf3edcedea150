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

        var update = assertThrows(IllegalStateException.class,
                () -> TestDatabase.execute(database, "UPDATE audit_entries SET reason = 'forged'"));
        var delete = assertThrows(IllegalStateException.class,
                () -> TestDatabase.execute(database, "DELETE FROM audit_entries"));
        var truncate = assertThrows(IllegalStateException.class,
                () -> TestDatabase.execute(database, "TRUNCATE audit_entries"));

        for (var refused : new IllegalStateException[]{update, delete, truncate}) {
            assertTrue(refused.getCause().getMessage().contains("append-only"), refused.getCause().getMessage());
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
