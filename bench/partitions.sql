-- The empty ledger's partitions remade with a span of :span positions (bench/run audit-scale), as the owner, before
-- the service starts: every partition dropped (none holds an entry yet), then made by the function the service
-- calls, with six spans of room (the service keeps one more span ahead as the head moves).
DO $$
DECLARE
    p record;
BEGIN
    IF EXISTS (SELECT 1 FROM audit_entries) THEN
        RAISE EXCEPTION 'bench/partitions.sql remakes the partitions of an empty ledger only';
    END IF;
    FOR p IN SELECT lo FROM ledger_partitions LOOP
        EXECUTE format('ALTER TABLE audit_entries DETACH PARTITION %I', 'audit_entries_p' || p.lo);
        EXECUTE format('DROP TABLE %I', 'audit_entries_p' || p.lo);
    END LOOP;
    DELETE FROM ledger_partitions;
END;
$$;
SELECT flagtrail_ensure_ledger_partitions(:span, 6 * :span);
