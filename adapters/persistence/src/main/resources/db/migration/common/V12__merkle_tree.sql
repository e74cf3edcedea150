-- The Merkle tree over the sealed entries (RFC 9162, ADR 0008): the hash of every perfect subtree, level 0 being the
-- leaves (leaf i is the entry at position i + 1). Written by the sealer as entries are sealed, never changed and never
-- purged, so that inclusion and consistency proofs need about log2(size) reads at any size, across purges too.
create table ledger_tree_nodes (
    level smallint    not null,
    idx   bigint      not null,
    hash  varchar(64) not null,
    constraint pk_ledger_tree_nodes primary key (level, idx)
);

-- Version 2 checkpoints sign the tree's root and the previous checkpoint's statement hash; version 1 rows have neither.
alter table ledger_checkpoints add column root_hash varchar(64);
alter table ledger_checkpoints add column previous varchar(64);
