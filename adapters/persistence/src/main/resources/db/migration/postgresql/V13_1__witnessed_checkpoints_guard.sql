-- A witness only ever grows: what it took is never changed or removed. One refusal for every append-only table
-- from here on, naming the table (the older tables keep the functions they were created with).
create or replace function flagtrail_refuse_append_only_change() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'FT001';
end;
$$;

create trigger witnessed_checkpoints_append_only
    before update or delete on witnessed_checkpoints
    for each row execute function flagtrail_refuse_append_only_change();

create trigger witnessed_checkpoints_no_truncate
    before truncate on witnessed_checkpoints
    for each statement execute function flagtrail_refuse_append_only_change();
