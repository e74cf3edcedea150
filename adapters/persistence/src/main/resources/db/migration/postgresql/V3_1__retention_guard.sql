-- Append-only, with two exceptions: sealing (an UPDATE that only sets position, prev_hash and hash on an entry that
-- has none), and a sanctioned retention purge: a DELETE in a transaction that has set flagtrail.purge to the
-- purged_to of a stored purge record that lies within the latest checkpoint, of a sealed entry that the record
-- covers, does not retain, and that no active legal hold keeps. Anything else, and every TRUNCATE, fails.
create or replace function flagtrail_refuse_audit_change() returns trigger
    language plpgsql as
$$
declare
    purge bigint;
begin
    if tg_op = 'UPDATE'
        and old.position is null and old.prev_hash is null and old.hash is null
        and new.position is not null and new.prev_hash is not null and new.hash is not null
        and (new.seq, new.id, new.category, new.action, new.outcome, new.severity, new.actor_type, new.actor_id,
             new.actor_name, new.actor_email, new.subject_type, new.subject_id, new.subject_key, new.reason,
             new.before_state, new.after_state, new.changes, new.request_id, new.traceparent, new.channel,
             new.client_ip, new.user_agent, new.occurred_at)
            is not distinct from
            (old.seq, old.id, old.category, old.action, old.outcome, old.severity, old.actor_type, old.actor_id,
             old.actor_name, old.actor_email, old.subject_type, old.subject_id, old.subject_key, old.reason,
             old.before_state, old.after_state, old.changes, old.request_id, old.traceparent, old.channel,
             old.client_ip, old.user_agent, old.occurred_at)
    then
        return new;
    end if;
    if tg_op = 'DELETE' and old.position is not null then
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

-- Purge records are kept forever, like checkpoints.
create or replace function flagtrail_refuse_purge_record_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'ledger purge records are append-only: % refused', tg_op using errcode = 'FT001';
end;
$$;

create trigger ledger_purges_append_only
    before update or delete on ledger_purges
    for each row execute function flagtrail_refuse_purge_record_change();
create trigger ledger_purges_no_truncate
    before truncate on ledger_purges
    for each statement execute function flagtrail_refuse_purge_record_change();
create trigger ledger_purge_retained_append_only
    before update or delete on ledger_purge_retained
    for each row execute function flagtrail_refuse_purge_record_change();
create trigger ledger_purge_retained_no_truncate
    before truncate on ledger_purge_retained
    for each statement execute function flagtrail_refuse_purge_record_change();
