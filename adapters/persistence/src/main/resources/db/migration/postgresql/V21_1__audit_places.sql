-- The place columns of V21 filled for the entries from before them (PostgreSQL), and the guard of sealing (V15_1)
-- extended to them, so that an entry is sealed with the place it was written with.
--
-- Which place an old entry has follows from what it is about: a feature's entry names its project and environment
-- in its snapshots since V17 and was default/production before (every feature was); an environment's subject key is
-- project/environment; a project's is its key. The one UPDATE the ledger's tables ever take: whoever runs migrations
-- owns them and switches the append-only triggers off for it, within this transaction. No hashed column changes.
alter table audit_entries disable trigger audit_entries_append_only;
update audit_entries set
    project_key = case subject_type
        when 'feature' then coalesce(after_state::jsonb ->> 'project', before_state::jsonb ->> 'project', 'default')
        when 'environment' then split_part(subject_key, '/', 1)
        else subject_key end,
    env_key = case subject_type
        when 'feature' then coalesce(after_state::jsonb ->> 'environment', before_state::jsonb ->> 'environment',
                                     'production')
        when 'environment' then split_part(subject_key, '/', 2) end
where subject_type in ('feature', 'environment', 'project');
alter table audit_entries enable trigger audit_entries_append_only;

alter table audit_pending disable trigger audit_pending_append_only;
update audit_pending set
    project_key = case subject_type
        when 'feature' then coalesce(after_state::jsonb ->> 'project', before_state::jsonb ->> 'project', 'default')
        when 'environment' then split_part(subject_key, '/', 1)
        else subject_key end,
    env_key = case subject_type
        when 'feature' then coalesce(after_state::jsonb ->> 'environment', before_state::jsonb ->> 'environment',
                                     'production')
        when 'environment' then split_part(subject_key, '/', 2) end
where subject_type in ('feature', 'environment', 'project');
alter table audit_pending enable trigger audit_pending_append_only;

-- audit_entries: every INSERT is a move of a waiting entry, unchanged, its place included; otherwise as in V15_1.
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
                        p.occurred_at, p.project_key, p.env_key)
                       is not distinct from
                       (new.id, new.category, new.action, new.outcome, new.severity, new.actor_type, new.actor_id,
                        new.actor_name, new.actor_email, new.subject_type, new.subject_id, new.subject_key,
                        new.reason, new.before_state, new.after_state, new.changes, new.request_id,
                        new.traceparent, new.channel, new.client_ip, new.user_agent, new.occurred_at,
                        new.project_key, new.env_key)) then
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

