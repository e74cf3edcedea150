package io.flagtrail.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.adapter.persistence.audit.LedgerForm;
import io.flagtrail.application.contract.LedgerServices;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.domain.ledger.LedgerHash;
import io.flagtrail.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A ledger written by the release before ADR 0010 (sealed entries updated in place in {@code audit_entries}, the
 * newest still unsealed there) upgrades at startup: the sealed entries stay as they are, the unsealed ones move to
 * {@code audit_pending} keeping their seq, new entries number after them, and the sealer then seals the moved ones
 * into a chain that verifies from the first entry.
 */
abstract class LedgerUpgradeTest extends DatabaseTest {

    static final int SEALED_BEFORE = 3;
    static final int UNSEALED_BEFORE = 2;

    /** The database as the earlier release left it: migrated to V14, entries written and partly sealed by it. */
    static TestDatabase.Target earlierRelease(TestDatabase.Target target) {
        var vendor = target.isPostgres() ? VendorMigrationLocations.POSTGRESQL : VendorMigrationLocations.H2;
        Flyway.configure().dataSource(target.url(), target.user(), target.password())
                .locations(VendorMigrationLocations.COMMON, vendor).target(target.isPostgres() ? "14.1" : "14").load()
                .migrate();
        try (var connection = DriverManager.getConnection(target.url(), target.user(), target.password())) {
            for (int i = 1; i <= SEALED_BEFORE + UNSEALED_BEFORE; i++) {
                connection.createStatement().execute("""
                        INSERT INTO audit_entries (id, category, action, outcome, severity, actor_type, actor_id,
                            actor_name, subject_type, subject_id, subject_key, changes, channel, occurred_at)
                        VALUES (RANDOM_UUID(), 'CHANGE', 'FEATURE_CREATED', 'SUCCESS', 'INFO', 'USER', 'u-1', 'Someone',
                            'feature', 'id-%d', 'feature-%d', '[]', 'HTTP', TIMESTAMP WITH TIME ZONE '2026-11-0%d 10:00:00+00')
                        """.formatted(i, i, i).replace("RANDOM_UUID()",
                        target.isPostgres() ? "gen_random_uuid()" : "RANDOM_UUID()"));
            }
            sealAsTheEarlierReleaseDid(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return target;
    }

    /** The earlier sealer's UPDATE, which that release's guard admitted: position and hashes set once, in place. */
    private static void sealAsTheEarlierReleaseDid(Connection connection) throws SQLException {
        String prev = LedgerHash.GENESIS;
        for (long position = 1; position <= SEALED_BEFORE; position++) {
            String hash;
            long seq;
            try (var row = connection.createStatement().executeQuery(
                    "SELECT * FROM audit_entries WHERE position IS NULL ORDER BY seq LIMIT 1")) {
                row.next();
                seq = row.getLong(1);
                hash = LedgerHash.of(LedgerForm.fields(row), position, prev);
            }
            try (var update = connection.prepareStatement(
                    "UPDATE audit_entries SET position = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
                update.setLong(1, position);
                update.setString(2, prev);
                update.setString(3, hash);
                update.setLong(4, seq);
                assertEquals(1, update.executeUpdate());
            }
            prev = hash;
        }
    }

    @Test
    void sealed_entries_stay_unsealed_ones_wait_apart_and_everything_seals_into_one_chain() {
        assertEquals(SEALED_BEFORE, count("SELECT count(*) FROM audit_entries"));
        assertEquals(UNSEALED_BEFORE, count("SELECT count(*) FROM audit_pending"));
        assertEquals(SEALED_BEFORE + UNSEALED_BEFORE, count("SELECT max(seq) FROM audit_pending"),
                "a waiting entry keeps its seq");
        var before = hashes();

        recorder().create(io.flagtrail.application.contract.Samples.command(
                io.flagtrail.application.contract.Samples.uniqueKey(), "after the upgrade"));
        assertTrue(count("SELECT min(seq) FROM audit_pending WHERE reason = 'after the upgrade'")
                > SEALED_BEFORE + UNSEALED_BEFORE, "new entries number after every earlier one");
        var listed = ledger.query(new AuditQuery(null, null, null, null, null, null, null, null, 50, null)).items();
        assertEquals(SEALED_BEFORE + UNSEALED_BEFORE + 1, listed.size(), "sealed and waiting entries are listed");

        var services = new LedgerServices(stores());
        services.sealAll();

        assertEquals(0, count("SELECT count(*) FROM audit_pending"));
        assertEquals(SEALED_BEFORE + UNSEALED_BEFORE + 1, chain.head().size());
        assertEquals(before, hashes().subList(0, SEALED_BEFORE), "what was sealed before is untouched");
        var report = services.verify(null, null);
        assertTrue(report.verified(), report.summary());
        assertEquals(SEALED_BEFORE + UNSEALED_BEFORE + 1, report.verifiedUpTo());
    }

    private List<String> hashes() {
        var found = new ArrayList<String>();
        chain.read(1, chain.head().size(), link -> found.add(link.hash()));
        return found;
    }

    long count(String sql) {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
