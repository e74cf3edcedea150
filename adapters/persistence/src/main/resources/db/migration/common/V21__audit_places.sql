-- Where an entry applies (issue 18): its project, and environment where it is of one, beside the entry for filtering
-- ("every production change last quarter"); not hashed (the entry's snapshots name the same place). Both tables
-- alike (ADR 0010: same columns, same order). Filled for the entries from before by the vendor migration V21_1.
alter table audit_pending add column project_key varchar(32);
alter table audit_pending add column env_key varchar(32);
alter table audit_entries add column project_key varchar(32);
alter table audit_entries add column env_key varchar(32);
