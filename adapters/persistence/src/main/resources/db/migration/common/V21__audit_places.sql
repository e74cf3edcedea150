-- Where an entry applies (issue 18): its project, and environment where it is of one, beside the entry for filtering
-- ("every production change last quarter"); not hashed (the entry's snapshots name the same place). Both tables
-- alike (ADR 0010: same columns, same order). Filled for the entries from before by the vendor migration V21_1.
alter table audit_pending add column project_key varchar(32);
alter table audit_pending add column env_key varchar(32);
alter table audit_entries add column project_key varchar(32);
alter table audit_entries add column env_key varchar(32);
-- As every filter's index, ending with (occurred_at, seq) (ADR 0009); per partition on PostgreSQL.
create index ix_audit_place_time on audit_entries (project_key, env_key, occurred_at, seq);
