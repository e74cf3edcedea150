-- The sealer's work list: only the unsealed entries, in insertion order; tiny when sealing keeps up.
create index ix_audit_unsealed on audit_entries (seq) where position is null;

-- Append-only, with one exception: sealing. An UPDATE may only set position, prev_hash and hash on an entry that
-- has none yet, and must leave every other column as it was. Anything else, and every DELETE and TRUNCATE, fails.
create or replace function flagtrail_refuse_audit_change() returns trigger
    language plpgsql as
$$
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
    raise exception 'audit entries are append-only: % refused', tg_op using errcode = 'FT001';
end;
$$;

create or replace function flagtrail_refuse_checkpoint_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'ledger checkpoints are append-only: % refused', tg_op using errcode = 'FT001';
end;
$$;

create trigger ledger_checkpoints_append_only
    before update or delete on ledger_checkpoints
    for each row execute function flagtrail_refuse_checkpoint_change();

create trigger ledger_checkpoints_no_truncate
    before truncate on ledger_checkpoints
    for each statement execute function flagtrail_refuse_checkpoint_change();
