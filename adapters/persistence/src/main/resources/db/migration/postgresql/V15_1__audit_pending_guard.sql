-- The entries not sealed yet move to audit_pending (V15), and audit_entries holds sealed entries only. Whoever runs
-- migrations owns the tables, so may switch the append-only trigger off for the move (within this transaction).
select setval('audit_seq', coalesce((select max(seq) from audit_entries), 0) + 1, false);
-- one sequence numbers both tables: a row keeps its seq when it moves, and nothing else inserts into audit_entries
alter table audit_entries alter column seq drop identity;
alter table audit_entries alter column seq set default nextval('audit_seq');
alter table audit_entries disable trigger audit_entries_append_only;
insert into audit_pending select * from audit_entries where position is null;
delete from audit_entries where position is null;
alter table audit_entries enable trigger audit_entries_append_only;
drop index if exists ix_audit_unsealed;
-- Every waiting entry is deleted once sealed: the table is all dead rows after a backlog drains, and each listing
-- reads it. Vacuum it after every thousand, not after a fifth of its size (PostgreSQL's default), so that it is
-- truncated back to nearly nothing within autovacuum's nap (a minute by default) of a backlog being sealed.
alter table audit_pending set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
-- NOT VALID: enforced from now on without scanning a large ledger under an exclusive lock (every row already has a
-- position, the move above made sure); docs/operations.md says how to VALIDATE it later, online.
alter table audit_entries add constraint ck_audit_entries_sealed
    check (position is not null and prev_hash is not null and hash is not null) not valid;

-- audit_entries: every INSERT is a move of a waiting entry, unchanged (its twin is in audit_pending, the sealer
-- deletes that right after); no UPDATE at all; a DELETE only in a sanctioned retention purge (V3_1, unchanged).
create or replace function flagtrail_refuse_audit_change() returns trigger
    language plpgsql as
$$
declare
    purge bigint;
begin
    if tg_op = 'INSERT' then
        if exists (select 1 from audit_pending p where p.seq = new.seq
                   and (p.id, p.category, p.action, p.outcome, p.severity, p.actor_type, p.actor_id, p.actor_name,
                        p.actor_email, p.subject_type, p.subject_id, p.subject_key, p.reason, p.before_state,
                        p.after_state, p.changes, p.request_id, p.traceparent, p.channel, p.client_ip, p.user_agent,
                        p.occurred_at)
                       is not distinct from
                       (new.id, new.category, new.action, new.outcome, new.severity, new.actor_type, new.actor_id,
                        new.actor_name, new.actor_email, new.subject_type, new.subject_id, new.subject_key,
                        new.reason, new.before_state, new.after_state, new.changes, new.request_id,
                        new.traceparent, new.channel, new.client_ip, new.user_agent, new.occurred_at)) then
            return new;
        end if;
        raise exception 'audit entries are sealed only from audit_pending, unchanged: INSERT refused'
            using errcode = 'FT001';
    end if;
    if tg_op = 'DELETE' then
        purge := nullif(current_setting('flagtrail.purge', true), '')::bigint;
        if purge is not null and old.position <= purge
            and exists (select 1 from ledger_purges p where p.purged_to = purge
                        and p.purged_to <= (select coalesce(max(c.size), 0) from ledger_checkpoints c))
            and not exists (select 1 from ledger_purge_retained r where r.purged_to = purge and r.position = old.position)
            and not exists (select 1 from ledger_holds h where h.released_at is null
                            and h.subject_type = old.subject_type
                            and (h.subject_id = old.subject_id or h.subject_id = old.subject_key))
        then
            return old;
        end if;
    end if;
    raise exception 'audit entries are append-only: % refused', tg_op using errcode = 'FT001';
end;
$$;

drop trigger audit_entries_append_only on audit_entries;
create trigger audit_entries_append_only
    before insert or update or delete on audit_entries
    for each row execute function flagtrail_refuse_audit_change();

-- audit_pending: inserted by writers, never updated, deleted only once sealed (its twin is in audit_entries).
create or replace function flagtrail_refuse_pending_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' then
        if exists (select 1 from audit_entries a where a.seq = old.seq) then
            return old;
        end if;
    end if;
    raise exception 'audit entries are append-only: % of a waiting entry refused', tg_op using errcode = 'FT001';
end;
$$;

create trigger audit_pending_append_only
    before update or delete on audit_pending
    for each row execute function flagtrail_refuse_pending_change();
create trigger audit_pending_no_truncate
    before truncate on audit_pending
    for each statement execute function flagtrail_refuse_audit_change();
