-- The ledger is append-only: whatever the application or a careless operator runs, PostgreSQL itself refuses
-- to change or remove an entry. (Sealing, when it arrives, will be the one permitted update.)
create or replace function flagtrail_refuse_audit_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit entries are append-only: % refused', tg_op using errcode = 'FT001';
end;
$$;

create trigger audit_entries_append_only
    before update or delete on audit_entries
    for each row execute function flagtrail_refuse_audit_change();

create trigger audit_entries_no_truncate
    before truncate on audit_entries
    for each statement execute function flagtrail_refuse_audit_change();
