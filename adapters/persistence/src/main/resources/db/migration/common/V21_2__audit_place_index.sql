-- The place filter's index, as every filter's ending with (occurred_at, seq) (ADR 0009); per partition on
-- PostgreSQL. Built after V21_1 has placed the entries from before, so that the backfill does not maintain it row by
-- row (docs/operations.md: building it beforehand, concurrently, on a large ledger).
create index if not exists ix_audit_place_time on audit_entries (project_key, env_key, occurred_at, seq);
