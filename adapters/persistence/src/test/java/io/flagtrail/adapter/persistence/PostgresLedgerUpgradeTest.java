package io.flagtrail.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flagtrail.application.port.out.LedgerPartitions.Partition;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, startApplication = false)
class PostgresLedgerUpgradeTest extends LedgerUpgradeTest {

    @Override
    TestDatabase.Target database() {
        return earlierRelease(TestDatabase.postgres());
    }

    /** V15_2: the table the earlier release wrote is now the first partition, its rows and indexes kept (ADR 0011). */
    @Test
    void the_sealed_entries_table_became_the_first_of_two_partitions() {
        assertEquals(List.of(new Partition(0, 10_000_000), new Partition(10_000_000, 20_000_000)), partitions.list());
        assertEquals(SEALED_BEFORE, count("SELECT count(*) FROM audit_entries_p0 WHERE position <= " + SEALED_BEFORE));
        assertEquals(count("SELECT count(*) FROM audit_entries"), count("SELECT count(*) FROM audit_entries_p0"));
        assertEquals(1, count("SELECT count(*) FROM pg_partitioned_table WHERE partrelid = 'audit_entries'::regclass"));
        // its nine indexes, each attached to the partitioned table's (not rebuilt), V21's place index made on it like
        // on every partition, and its own seq and id keys
        assertEquals(10, count("SELECT count(*) FROM pg_index x JOIN pg_inherits i ON i.inhrelid = x.indexrelid "
                + "WHERE x.indrelid = 'audit_entries_p0'::regclass"));
        assertEquals(2, count("SELECT count(*) FROM pg_constraint WHERE conrelid = 'audit_entries_p0'::regclass "
                + "AND contype IN ('p', 'u')"));
    }
}
