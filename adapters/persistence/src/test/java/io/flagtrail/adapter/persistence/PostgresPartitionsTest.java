package io.flagtrail.adapter.persistence;

import static io.flagtrail.application.contract.Samples.ORIGIN;
import static io.flagtrail.application.contract.Samples.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.contract.LedgerServices;
import io.flagtrail.application.contract.Samples.RandomIds;
import io.flagtrail.application.port.in.ManageLegalHoldsUseCase.PlaceLegalHoldCommand;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.port.out.LedgerPartitions.Partition;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.audit.LedgerPartitionService;
import io.flagtrail.application.service.audit.LegalHoldService;
import io.flagtrail.application.service.audit.VerifyBundleService;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sealed entries' partitions (ADR 0011) on one ledger, in order: sealing fills partitions of 100 positions in
 * turn and a position reads only its own partition; with no partition left sealing stops, saying so, and loses
 * nothing, until the service makes room (recorded); a purge that covers partitions whole drops them (recorded)
 * except one that keeps an entry under a legal hold, and what remains verifies online and offline.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresPartitionsTest extends DatabaseTest {

    LedgerServices sealed;
    LedgerPartitionService service;
    FeatureKey firstFeature;
    FeatureKey secondFeature;

    @Override
    TestDatabase.Target database() {
        return TestDatabase.postgres();
    }

    @BeforeAll
    void twoPartitionsOfAHundred() {
        TestDatabase.execute(database, Partitioning.of(100, 100));
        sealed = new LedgerServices(stores());
        service = new LedgerPartitionService(partitions, chain, new AuditTrail(ledger, clock, new RandomIds()),
                transactions, 100);
    }

    @Test
    @Order(1)
    void sealing_fills_the_partitions_in_turn_and_a_position_reads_only_its_own() throws SQLException {
        assertEquals(List.of(new Partition(0, 100), new Partition(100, 200)), partitions.list());
        firstFeature = uniqueKey();
        changes(firstFeature, 150);
        sealed.sealAll();

        assertTrue(sealed.verify(null, null).verified());
        assertEquals(99, rows("audit_entries_p0"), "positions 1 to 99");
        assertEquals(51, rows("audit_entries_p100"));
        String plan = plan("SELECT hash FROM audit_entries WHERE position = 150");
        assertTrue(plan.contains("audit_entries_p100") && !plan.contains("audit_entries_p0"), plan);
    }

    @Test
    @Order(2)
    void with_no_partition_left_sealing_stops_saying_so_until_room_is_made() {
        secondFeature = uniqueKey();
        changes(secondFeature, 60); // with the verification's entry, positions 151 to 211: past 199
        var layout = service.layout();
        assertTrue(layout.low(), "48 positions left, under half a span");

        var refused = assertThrows(IllegalStateException.class, sealed::sealAll);
        assertTrue(refused.getMessage().contains("no ledger partition holds positions up to 211"), refused.getMessage());
        assertEquals(150, chain.head().size(), "nothing sealed");
        assertEquals(61, chain.backlog().unsealed(), "nothing lost: every entry waits");

        var added = service.makeRoom();
        assertEquals(List.of(new Partition(200, 300)), added);
        assertFalse(service.layout().low());
        assertEquals(1, recorded(AuditAction.LEDGER_PARTITION_ADDED).size());
        sealed.sealAll();
        assertEquals(212, chain.head().size(), "the 61 waiting, and the record of the new partition");
        assertTrue(sealed.verify(null, null).verified());
        assertEquals(List.of(new Partition(300, 400)), service.makeRoom(), "a span past the new head (86 left)");
        assertEquals(List.of(), service.makeRoom(), "room enough: nothing added");
    }

    @Test
    @Order(3)
    void a_purge_drops_the_partitions_it_covers_whole_but_one_that_keeps_a_held_entry() throws Exception {
        var holds = new LegalHoldService(this.holds, new AuditTrail(ledger, clock, new RandomIds()), transactions,
                clock, new RandomIds());
        // the second feature's entries are at 152 to 211: held, they keep partition 100 (and 200); 0 has none
        holds.place(new PlaceLegalHoldCommand("feature", secondFeature.value(), "litigation 2026-18", ORIGIN));
        sealed.sealAll();
        long head = chain.head().size();

        var run = sealed.purger(clock.now().plus(Duration.ofHours(1)), Duration.ofHours(1), 1000).purgeDue();

        assertEquals(head - 1, run.record().purgedTo(), "everything older than the cutoff but the head");
        assertEquals(List.of(new Partition(100, 200), new Partition(200, 300), new Partition(300, 400)),
                partitions.list(), "partition 0 dropped; 100 keeps the held entries; 200 is not covered whole");
        var dropped = recorded(AuditAction.LEDGER_PARTITION_DROPPED);
        assertEquals(1, dropped.size());
        assertEquals(0L, ((Number) dropped.getFirst().after().get("from")).longValue());
        assertEquals(48, rows("audit_entries_p100"), "the held feature's, 152 to 199, only");
        sealed.sealAll();
        var report = sealed.verify(null, null);
        assertTrue(report.verified(), report.summary());
        var offline = new VerifyBundleService().verify(new ByteArrayInputStream(sealed.bundle()));
        assertTrue(offline.verified(), offline.summary());
    }

    @Test
    @Order(4)
    void the_database_refuses_to_drop_a_partition_no_purge_covers() {
        var refused = assertThrows(RuntimeException.class,
                () -> transactions.inTransaction(() -> partitions.dropPurged(200)));
        assertTrue(refused.getMessage().contains("ledger partition audit_entries_p200 is not wholly purged"),
                refused.getMessage());
        assertTrue(partitions.list().contains(new Partition(200, 300)));
    }

    private List<io.flagtrail.domain.audit.AuditEntry> recorded(AuditAction action) {
        return ledger.query(new AuditQuery(null, null, null, null, action, null, null, null, 10, null)).items();
    }

    private long rows(String partition) throws SQLException {
        return Long.parseLong(plan("SELECT COUNT(*) FROM " + partition, "").strip());
    }

    private String plan(String select) throws SQLException {
        return plan(select, "EXPLAIN ");
    }

    /** Every row's first column, one per line, of {@code prefix + select}. */
    private String plan(String select, String prefix) throws SQLException {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var rs = connection.createStatement().executeQuery(prefix + select)) {
            var plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }
}
