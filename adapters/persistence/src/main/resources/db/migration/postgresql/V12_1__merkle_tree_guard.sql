-- The tree's nodes are append-only, as entries and checkpoints are.
create or replace function flagtrail_refuse_tree_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'ledger tree nodes are append-only: % refused', tg_op using errcode = 'FT001';
end;
$$;

create trigger ledger_tree_nodes_append_only
    before update or delete on ledger_tree_nodes
    for each row execute function flagtrail_refuse_tree_change();

create trigger ledger_tree_nodes_no_truncate
    before truncate on ledger_tree_nodes
    for each statement execute function flagtrail_refuse_tree_change();
