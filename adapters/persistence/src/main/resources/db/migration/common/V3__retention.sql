-- Retention (see docs/compliance.md): legal holds keep a subject's entries out of purges until released; a purge
-- record, signed like a checkpoint and kept forever, states which positions a purge removed and which it retained.

create table ledger_holds (
    id           uuid                     not null primary key,
    subject_type varchar(32)              not null,
    subject_id   varchar(320)             not null,
    reason       varchar(500)             not null,
    placed_at    timestamp with time zone not null,
    placed_by    varchar(200)             not null,
    released_at  timestamp with time zone,
    released_by  varchar(200)
);
create index ix_ledger_holds_subject on ledger_holds (subject_type, subject_id);

create table ledger_purges (
    purged_to         bigint                   not null primary key,
    hash_at_purged_to varchar(64)              not null,
    issued_at         timestamp with time zone not null,
    key_id            varchar(64)              not null,
    signature         varchar(200)             not null
);

-- The entries at or below purged_to that the purge keeps (under a legal hold when it was signed), with their hashes.
create table ledger_purge_retained (
    purged_to bigint      not null,
    position  bigint      not null,
    hash      varchar(64) not null,
    constraint pk_ledger_purge_retained primary key (purged_to, position),
    constraint fk_ledger_purge_retained foreign key (purged_to) references ledger_purges (purged_to)
);

-- The retention purge finds the first entry inside the retention period by time.
create index ix_audit_occurred_position on audit_entries (occurred_at, position);
