package io.flagtrail.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.adapter.persistence.audit.AuditSelects;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditCategory;
import io.flagtrail.domain.json.JsonReader;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every reviewer query, as the adapter runs it, checked with {@code EXPLAIN (ANALYZE, BUFFERS)} on PostgreSQL over a
 * ledger of a realistic shape (features changed once and thousands of times, many actors, an auditor whose every
 * query was itself recorded, ninety days): no sort, no sequential scan, and no more buffers or filtered-out rows
 * than the page returns plus a bounded overhead, first page and a deep page alike. A plan that walks the table, as
 * the subject-key and old time-range queries did before (issue 24), fails here long before it is slow in production.
 */
@MicronautTest(transactional = false, startApplication = false)
class PostgresAuditPlansTest extends DatabaseTest {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final int ENTRIES = 60_000;

    @Override
    TestDatabase.Target database() {
        return TestDatabase.postgres();
    }

    /**
     * 60,000 sealed entries over 90 days: 400 features (feature-0 changed 6,000 times), 20 actors, a quarter ACCESS;
     * and 100 waiting to be sealed, spread over the same days (a backlog, as after a sealer outage), which every
     * listing merges in. Filled as the database owner (the guard admits sealed rows only from audit_pending): the
     * positions are real, the hashes stand-ins, as no test here verifies the chain. In partitions of 20,000
     * positions, so that every plan merges several (the sealed entries of a ledger that has grown for years).
     */
    @BeforeAll
    void fill() {
        TestDatabase.execute(database, Partitioning.of(20_000, 3 * 20_000));
        TestDatabase.execute(database, LedgerSnapshot.AS_OWNER + ENTRIES_SQL.replace(":table", "audit_entries")
                .replace(":chain", ", position, prev_hash, hash").replace(":sealed", ", i, 'stand-in', 'stand-in'")
                .replace(":n", Integer.toString(ENTRIES)));
        TestDatabase.execute(database, ENTRIES_SQL.replace(":table", "audit_pending").replace(":chain", "")
                .replace(":sealed", "").replace(":n", Integer.toString(WAITING)));
        // a feature changed once, early on
        TestDatabase.execute(database, LedgerSnapshot.AS_OWNER + """
                INSERT INTO audit_entries (seq, id, category, action, outcome, severity, actor_type, actor_id,
                    actor_name, subject_type, subject_id, subject_key, changes, channel, occurred_at, position,
                    prev_hash, hash)
                VALUES (nextval('audit_seq'), gen_random_uuid(), 'CHANGE', 'FEATURE_CREATED', 'SUCCESS', 'INFO', 'USER', 'u-1', 'someone',
                    'feature', 'id-once', 'feature-once', '[]', 'HTTP', timestamptz '2026-01-02 00:00:00+00',
                    :n + 1, 'stand-in', 'stand-in')
                """.replace(":n", Integer.toString(ENTRIES)));
        TestDatabase.execute(database, "ANALYZE audit_entries; ANALYZE audit_pending");
    }

    static final int WAITING = 100;
    static final String ENTRIES_SQL = """
            INSERT INTO :table (seq, id, category, action, outcome, severity, actor_type, actor_id, actor_name,
                subject_type, subject_id, subject_key, changes, channel, occurred_at:chain)
            SELECT nextval('audit_seq'), gen_random_uuid(),
                   CASE WHEN i % 4 = 0 THEN 'ACCESS' ELSE 'CHANGE' END,
                   CASE WHEN i % 4 = 0 THEN 'AUDIT_QUERIED' ELSE 'FEATURE_UPDATED' END,
                   'SUCCESS', 'INFO', 'USER',
                   CASE WHEN i % 4 = 0 THEN 'auditor' ELSE 'u-' || (i % 19) END, 'someone',
                   CASE WHEN i % 4 = 0 THEN 'audit' ELSE 'feature' END,
                   CASE WHEN i % 4 = 0 THEN 'audit-trail' WHEN i % 10 = 1 THEN 'id-0' ELSE 'id-' || (i % 400) END,
                   CASE WHEN i % 4 = 0 THEN NULL WHEN i % 10 = 1 THEN 'feature-0' ELSE 'feature-' || (i % 400) END,
                   '[]', 'HTTP',
                   timestamptz '2026-01-01 00:00:00+00' + (i * interval '90 days') / :n:sealed
            FROM generate_series(1, :n) AS i
            """;

    @Test
    void a_subject_key_changed_once_or_thousands_of_times_reads_only_its_own_entries() {
        assertBounded(query().subjectKey("feature-once").limit(50));
        assertBounded(query().subjectKey("feature-0").limit(500));
    }

    @Test
    void a_day_long_ago_is_a_range_of_an_index_first_page_included() {
        for (int daysAgo : new int[]{45, 85}) {
            var day = START.plus(Duration.ofDays(90 - daysAgo));
            assertBounded(query().between(day, day.plus(Duration.ofDays(1))).limit(50));
        }
    }

    @Test
    void the_combinations_a_reviewer_uses_answer_from_one_index() {
        var day = START.plus(Duration.ofDays(30));
        assertBounded(query().actor("u-7").between(day, day.plus(Duration.ofDays(1))).limit(50));
        assertBounded(query().actor("u-7").limit(50));
        assertBounded(query().category(AuditCategory.CHANGE).limit(50));
        assertBounded(query().action(AuditAction.FEATURE_UPDATED).between(day, day.plus(Duration.ofDays(2))).limit(50));
        assertBounded(query().subject("feature", "id-17").limit(50));
        assertBounded(query().limit(50));
    }

    @Test
    void the_auditors_own_reads_never_sit_between_their_changes() {
        // the auditor made no change: a CHANGE query for them must not step over their 15,000 reads
        assertBounded(query().actor("auditor").category(AuditCategory.CHANGE).limit(50));
        assertBounded(query().category(AuditCategory.CHANGE).actor("u-3").limit(50));
    }

    @Test
    void as_of_a_past_instant_reads_one_entry() {
        assertBounded(query().subject("feature", "id-0").category(AuditCategory.CHANGE)
                .between(null, START.plus(Duration.ofDays(40))).limit(1));
    }

    @Test
    void a_deep_page_costs_what_the_first_does() {
        var first = query().category(AuditCategory.CHANGE).limit(50);
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            cursor = ledger.query(first.cursor(cursor).build()).nextCursor();
        }
        assertBounded(first.cursor(cursor));
    }

    @Test
    void pages_follow_each_other_without_gaps_or_repeats_newest_first() {
        var all = new ArrayList<io.flagtrail.domain.audit.AuditEntry>();
        var q = query().subjectKey("feature-17").limit(7);
        String cursor = null;
        do {
            var page = ledger.query(q.cursor(cursor).build());
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(count("SELECT (SELECT count(*) FROM audit_entries WHERE subject_key = 'feature-17') "
                + "+ (SELECT count(*) FROM audit_pending WHERE subject_key = 'feature-17')"), all.size());
        assertTrue(count("SELECT count(*) FROM audit_pending WHERE subject_key = 'feature-17'") > 0,
                "the listing merged waiting entries in");
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).occurredAt().isAfter(all.get(i - 1).occurredAt()), "newest first at " + i);
        }
        assertEquals(all.size(), all.stream().map(e -> e.id()).distinct().count(), "no entry twice");
    }

    private long count(String sql) {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The plan of the query's page: no sequential scan of the sealed entries (the waiting ones are a backlog, which
     * the planner may read whole), no more buffers than one per row plus the index descents
     * (what a page costs in I/O), and no scan that produces or filters out more than fifty rows per row returned.
     * Within that the planner may choose: walking the time index and filtering a frequent actor's rows reads a few
     * consecutive pages where the actor's own index would read one scattered page per row, and a small sort of the
     * rows an index found (a busy actor's day) is cheap. Walking a table for a filter it has no index for, or that
     * it misjudges (the auditor's CHANGE rows before the statistics), touches every row and fails at any size.
     */
    private void assertBounded(Query q) {
        var query = q.build();
        var plan = explain(query);
        String text = describe(plan);
        int rows = query.limit() + 1;
        assertEquals(List.of(), sealedWalks(plan), "no sequential scan: " + text);
        long touched = maxTouched(plan);
        assertTrue(touched <= 50L * rows, touched + " rows touched by one scan for a page of " + rows + ": " + text);
        // a node's buffers include its children's: the plan's root counts the whole query once
        long buffers = number(plan, "Shared Hit Blocks") + number(plan, "Shared Read Blocks");
        assertTrue(buffers <= rows + 40, buffers + " buffers for a page of " + rows + ": " + text);
    }

    /**
     * The partitions of sealed entries the plan reads sequentially, leaving out those of a few pages (the planner
     * rightly reads the partition the head has just entered, or an empty one made ahead of it, that way).
     */
    @SuppressWarnings("unchecked")
    private static List<String> sealedWalks(Map<String, Object> node) {
        var walks = new ArrayList<String>();
        if ("Seq Scan".equals(node.get("Node Type")) && String.valueOf(node.get("Relation Name")).startsWith("audit_entries")
                && number(node, "Shared Hit Blocks") + number(node, "Shared Read Blocks") > 8) {
            walks.add(String.valueOf(node.get("Relation Name")));
        }
        if (node.get("Plans") instanceof List<?> children) {
            for (var child : children) {
                walks.addAll(sealedWalks((Map<String, Object>) child));
            }
        }
        return walks;
    }

    /** The most rows any one node of the plan produced or filtered out. */
    @SuppressWarnings("unchecked")
    private static long maxTouched(Map<String, Object> node) {
        long touched = number(node, "Actual Rows") + number(node, "Rows Removed by Filter")
                + number(node, "Rows Removed by Index Recheck");
        if (node.get("Plans") instanceof List<?> children) {
            for (var child : children) {
                touched = Math.max(touched, maxTouched((Map<String, Object>) child));
            }
        }
        return touched;
    }

    private static long number(Map<String, Object> node, String field) {
        return node.get(field) instanceof Number n ? n.longValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> explain(AuditQuery query) {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var statement = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) "
                     + AuditSelects.sql(query))) {
            var args = AuditSelects.args(query);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                var parsed = JsonReader.parse(rs.getString(1));
                return (Map<String, Object>) ((Map<String, Object>) ((List<Object>) parsed).getFirst()).get("Plan");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan in one line: each node's type, index, conditions and filter, nested in brackets. */
    @SuppressWarnings("unchecked")
    private static String describe(Map<String, Object> node) {
        var line = new StringBuilder(String.valueOf(node.get("Node Type")));
        for (var field : List.of("Relation Name", "Index Name", "Index Cond", "Filter", "Rows Removed by Filter", "Shared Hit Blocks")) {
            if (node.get(field) != null) {
                line.append(' ').append(field).append('=').append(node.get(field));
            }
        }
        if (node.get("Plans") instanceof List<?> children) {
            for (var child : children) {
                line.append(" [").append(describe((Map<String, Object>) child)).append(']');
            }
        }
        return line.toString();
    }

    private static Query query() {
        return new Query();
    }

    /** An AuditQuery built up filter by filter. */
    private static final class Query {
        String subjectType;
        String subjectId;
        String subjectKey;
        String actor;
        AuditAction action;
        AuditCategory category;
        Instant from;
        Instant to;
        int limit = 50;
        String cursor;

        Query subject(String type, String id) {
            subjectType = type;
            subjectId = id;
            return this;
        }

        Query subjectKey(String key) {
            subjectKey = key;
            return this;
        }

        Query actor(String id) {
            actor = id;
            return this;
        }

        Query action(AuditAction value) {
            action = value;
            return this;
        }

        Query category(AuditCategory value) {
            category = value;
            return this;
        }

        Query between(Instant start, Instant end) {
            from = start;
            to = end;
            return this;
        }

        Query limit(int value) {
            limit = value;
            return this;
        }

        Query cursor(String value) {
            cursor = value;
            return this;
        }

        AuditQuery build() {
            return new AuditQuery(subjectType, subjectId, subjectKey, actor, action, category, from, to, limit, cursor);
        }
    }
}
