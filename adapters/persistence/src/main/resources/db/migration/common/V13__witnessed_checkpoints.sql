-- What this instance holds as a witness for other logs (ADR 0008, docs/witness.md): every checkpoint it took, with
-- the cosignature it gave. Each row names the size it extended (old_size): only one checkpoint can extend a size,
-- so two submitters racing with the same old size cannot both be taken (the loser gets 409 and proves again).
create table witnessed_checkpoints (
    origin      varchar(200)  not null,
    size        bigint        not null,
    old_size    bigint        not null,
    checkpoint  varchar(4000) not null,
    cosignature varchar(4000) not null,
    witnessed_at timestamp with time zone not null,
    constraint pk_witnessed_checkpoints primary key (origin, size),
    constraint uq_witnessed_checkpoints_old_size unique (origin, old_size)
);
