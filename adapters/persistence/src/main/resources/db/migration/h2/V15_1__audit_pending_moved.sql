-- The entries not sealed yet move to audit_pending (V15), and audit_entries holds sealed entries only.
alter sequence audit_seq restart with (select coalesce(max(seq), 0) + 1 from audit_entries);
-- one sequence numbers both tables: a row keeps its seq when it moves, and nothing else inserts into audit_entries
alter table audit_entries alter column seq drop identity;
alter table audit_entries alter column seq set default nextval('audit_seq');
insert into audit_pending select * from audit_entries where position is null;
delete from audit_entries where position is null;
drop index if exists ix_audit_position_seq;
alter table audit_entries add constraint ck_audit_entries_sealed
    check (position is not null and prev_hash is not null and hash is not null);
