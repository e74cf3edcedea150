package io.flagtrail.adapter.persistence;

/** Test layouts of the sealed entries' PostgreSQL partitions (V15_2, ADR 0011). */
final class Partitioning {

    private Partitioning() {
    }

    /**
     * As the owner, on an empty ledger: every partition dropped, then partitions of {@code span} positions made until
     * {@code room} positions fit, by the function the service calls. The migration makes partitions of 10,000,000,
     * more than a test fills; this gives a test several.
     */
    static String of(long span, long room) {
        return """
                DO $$
                DECLARE
                    p record;
                BEGIN
                    FOR p IN SELECT lo FROM ledger_partitions LOOP
                        EXECUTE format('ALTER TABLE audit_entries DETACH PARTITION %I', 'audit_entries_p' || p.lo);
                        EXECUTE format('DROP TABLE %I', 'audit_entries_p' || p.lo);
                    END LOOP;
                    DELETE FROM ledger_partitions;
                END;
                $$;
                SELECT flagtrail_ensure_ledger_partitions(:span, :room);
                """.replace(":span", Long.toString(span)).replace(":room", Long.toString(room));
    }
}
