-- Sealed entries in range partitions of position (ADR 0011), so that a ledger growing for years keeps every index
-- a partition's size, a position range (chain reads, verification, proofs, retention) reads only its partitions, and
-- retention drops a wholly purged partition instead of deleting it row by row. H2 keeps one table.
--
-- In place: the existing table becomes the first partition, covering every position it holds rounded up to the
-- default span (10,000,000). Its indexes are kept and attached to the partitioned table's (none is rebuilt); the one
-- scan is the validation of two check constraints, in one pass, which also lets PostgreSQL attach it without a scan
-- of its own.

-- Each partition's positions, lo to hi - 1: what the service lists, and where the next partition starts. A time range
-- is not pruned through it (ADR 0011): each partition's index answers it with one descent.
create table ledger_partitions (
    lo bigint not null primary key,
    hi bigint not null,
    constraint ck_ledger_partitions_range check (lo >= 0 and lo < hi)
);

drop trigger audit_entries_append_only on audit_entries;
alter table audit_entries rename to audit_entries_p0;
alter table audit_entries_p0 rename constraint ck_audit_entries_sealed to ck_audit_entries_p0_sealed;
alter index ux_audit_position rename to audit_entries_p0_position;
alter index ix_audit_occurred rename to audit_entries_p0_occurred;
alter index ix_audit_occurred_position rename to audit_entries_p0_occurred_position;
alter index ix_audit_subject_time rename to audit_entries_p0_subject_time;
alter index ix_audit_subject_key_time rename to audit_entries_p0_subject_key_time;
alter index ix_audit_actor_time rename to audit_entries_p0_actor_time;
alter index ix_audit_actor_category_time rename to audit_entries_p0_actor_category_time;
alter index ix_audit_action_time rename to audit_entries_p0_action_time;
alter index ix_audit_category_time rename to audit_entries_p0_category_time;

create table audit_entries (like audit_entries_p0 including defaults) partition by range (position);
alter table audit_entries alter column position set not null;
alter table audit_entries add constraint ck_audit_entries_sealed
    check (position is not null and prev_hash is not null and hash is not null);
-- Unique across partitions because position is the partition key. seq and id are unique by construction (one
-- sequence; ids from audit_pending's unique key) and indexed per partition (a global unique index would have to
-- include position).
create unique index ux_audit_position on audit_entries (position);
create index ix_audit_occurred on audit_entries (occurred_at, seq);
create index ix_audit_occurred_position on audit_entries (occurred_at, position);
create index ix_audit_subject_time on audit_entries (subject_type, subject_id, occurred_at, seq);
create index ix_audit_subject_key_time on audit_entries (subject_key, occurred_at, seq);
create index ix_audit_actor_time on audit_entries (actor_id, occurred_at, seq);
create index ix_audit_actor_category_time on audit_entries (actor_id, category, occurred_at, seq);
create index ix_audit_action_time on audit_entries (action, occurred_at, seq);
create index ix_audit_category_time on audit_entries (category, occurred_at, seq);

-- The append-only guard of V15_1, now on the partitioned table: PostgreSQL runs it for every partition's rows.
create trigger audit_entries_append_only
    before insert or update or delete on audit_entries
    for each row execute function flagtrail_refuse_audit_change();
-- TRUNCATE triggers are per table: on the partitioned table here, on each partition where it is made.
create trigger audit_entries_no_truncate
    before truncate on audit_entries
    for each statement execute function flagtrail_refuse_audit_change();

do
$$
declare
    span constant bigint := 10000000;
    top    bigint := (select coalesce(max(position), 0) from audit_entries_p0);
    top_hi bigint := (top / span + 1) * span;
    privilege record;
begin
    -- whoever could read and write the table can read and write the partitioned one (deploy/postgres grants anew)
    for privilege in select a.privilege_type, a.grantee from pg_class c, aclexplode(c.relacl) a
                     where c.oid = 'audit_entries_p0'::regclass and a.grantee <> c.relowner loop
        execute format('grant %s on audit_entries to %s', privilege.privilege_type,
                       case when privilege.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(privilege.grantee)) end);
    end loop;
    execute format('alter table audit_entries_p0 drop constraint ck_audit_entries_p0_sealed, '
                   || 'add constraint ck_audit_entries_sealed check (position is not null and prev_hash is not null '
                   || 'and hash is not null), add constraint ck_audit_entries_p0_range check (position >= 0 and '
                   || 'position < %s)', top_hi);
    alter table audit_entries_p0 alter column position set not null;
    execute format('alter table audit_entries attach partition audit_entries_p0 for values from (0) to (%s)', top_hi);
    insert into ledger_partitions (lo, hi) values (0, top_hi);
end;
$$;

-- Adds partitions of `span` positions after the last until `room` positions past the head fit, and answers how many
-- it added. The service calls it (ADR 0011): SECURITY DEFINER, so that a runtime role that owns nothing can make the
-- ledger room and nothing else: it creates partitions only at the end, of a bounded span, owned by the owner.
create function flagtrail_ensure_ledger_partitions(span bigint, room bigint) returns integer
    language plpgsql security definer set search_path from current set lock_timeout = '5s' as
$$
declare
    head    bigint;
    next_lo bigint;
    added   integer := 0;
    name    text;
begin
    if span < 100 or span > 1000000000 or room < 0 or room > 10 * span then
        raise exception 'a ledger partition spans 100 to 1,000,000,000 positions and room is at most ten spans'
            using errcode = '22023';
    end if;
    head := (select coalesce(max(position), 0) from audit_entries);
    next_lo := (select coalesce(max(p.hi), 0) from ledger_partitions p);
    if next_lo - (head + 1) >= room then
        return 0;
    end if;
    -- One caller at a time (instances share the database); the partitioned table first, as every other path that
    -- takes both. The lock timeout (5 s) keeps a long read from making every reader queue behind the new partition.
    lock table audit_entries in access exclusive mode;
    lock table ledger_partitions in share row exclusive mode;
    head := (select coalesce(max(position), 0) from audit_entries);
    next_lo := (select coalesce(max(p.hi), 0) from ledger_partitions p);
    while next_lo - (head + 1) < room loop
        name := 'audit_entries_p' || next_lo;
        execute format('create table %I partition of audit_entries for values from (%s) to (%s)', name, next_lo,
                       next_lo + span);
        execute format('alter table %I add primary key (seq), add unique (id)', name);
        execute format('create trigger audit_entries_no_truncate before truncate on %I '
                       || 'for each statement execute function flagtrail_refuse_audit_change()', name);
        -- the joint statistics of V14_1, per partition: a partition's scan is planned from its own statistics
        execute format('create statistics %I (mcv, dependencies) on actor_id, category from %I',
                       name || '_actor_category', name);
        execute format('create statistics %I (mcv, dependencies) on subject_type, subject_id, category from %I',
                       name || '_subject_category', name);
        insert into ledger_partitions (lo, hi) values (next_lo, next_lo + span);
        next_lo := next_lo + span;
        added := added + 1;
    end loop;
    return added;
end;
$$;

-- Drops the partition starting at `part_lo` when the latest signed purge record covers all of it and it keeps no
-- entry (none retained by that record, none under a legal hold now): what a row-by-row purge would delete (the
-- guard of V15_1), at once. The record, signed before, proves the chain across the gap; the Merkle tree and the
-- checkpoints are elsewhere and untouched. Answers false, dropping nothing, when the partition keeps an entry.
create function flagtrail_drop_purged_ledger_partition(part_lo bigint) returns boolean
    language plpgsql security definer set search_path from current set lock_timeout = '5s' as
$$
declare
    part  ledger_partitions%rowtype;
    purge bigint;
    name  text := 'audit_entries_p' || part_lo;
begin
    select * into part from ledger_partitions where lo = part_lo;
    if not found then
        return false;
    end if;
    purge := (select max(p.purged_to) from ledger_purges p
              where p.purged_to <= (select coalesce(max(c.size), 0) from ledger_checkpoints c));
    if purge is null or part.hi - 1 > purge then
        raise exception 'ledger partition % is not wholly purged', name using errcode = 'FT001';
    end if;
    -- checked before the lock (a partition that keeps an entry is asked about on every purge run), and again under
    -- it (a hold placed in between); the partitioned table first, then ledger_partitions, as above
    if flagtrail_ledger_partition_keeps(part, purge) then
        return false;
    end if;
    lock table audit_entries in access exclusive mode;
    perform 1 from ledger_partitions where lo = part_lo for update;
    if flagtrail_ledger_partition_keeps(part, purge) then
        return false;
    end if;
    execute format('alter table audit_entries detach partition %I', name);
    execute format('drop table %I', name);
    delete from ledger_partitions where lo = part_lo;
    return true;
end;
$$;

-- Whether a partition keeps an entry past the purge up to `purge`: retained by that record, or under a hold now.
create function flagtrail_ledger_partition_keeps(part ledger_partitions, purge bigint) returns boolean
    language sql stable as
$$
select exists (select 1 from ledger_purge_retained r
               where r.purged_to = purge and r.position >= part.lo and r.position < part.hi)
    or exists (select 1 from ledger_holds h join audit_entries a on a.subject_type = h.subject_type
                   and (a.subject_id = h.subject_id or a.subject_key = h.subject_id)
               where h.released_at is null and a.position >= part.lo and a.position < part.hi);
$$;

-- ledger_partitions: a row only beside its partition, never changed.
create function flagtrail_guard_ledger_partitions() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' and to_regclass('audit_entries_p' || new.lo) is not null then
        return new;
    end if;
    if tg_op = 'DELETE' and to_regclass('audit_entries_p' || old.lo) is null then
        return old;
    end if;
    raise exception 'ledger partitions change only with their partitions: % refused', tg_op using errcode = 'FT001';
end;
$$;

create trigger ledger_partitions_guard
    before insert or update or delete on ledger_partitions
    for each row execute function flagtrail_guard_ledger_partitions();
create trigger ledger_partitions_no_truncate
    before truncate on ledger_partitions
    for each statement execute function flagtrail_refuse_audit_change();

select flagtrail_ensure_ledger_partitions(10000000, 10000000);
