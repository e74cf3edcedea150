-- A witness only ever grows: what it took is never changed or removed.
create or replace function flagtrail_refuse_witnessed_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'witnessed checkpoints are append-only: % refused', tg_op using errcode = 'FT001';
end;
$$;

create trigger witnessed_checkpoints_append_only
    before update or delete on witnessed_checkpoints
    for each row execute function flagtrail_refuse_witnessed_change();

create trigger witnessed_checkpoints_no_truncate
    before truncate on witnessed_checkpoints
    for each statement execute function flagtrail_refuse_witnessed_change();
