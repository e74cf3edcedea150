-- The hash chain: set once by the sealer, never again. position is gapless from 1 in the order entries became
-- visible; hash = SHA-256(prev_hash || canonical entry), see docs/compliance.md.
alter table audit_entries add column position bigint;
alter table audit_entries add column prev_hash varchar(64);
alter table audit_entries add column hash varchar(64);
create unique index ux_audit_position on audit_entries (position);

-- Signed statements of the chain's size and head, kept forever.
create table ledger_checkpoints (
    size      bigint                   not null primary key,
    head_hash varchar(64)              not null,
    issued_at timestamp with time zone not null,
    key_id    varchar(64)              not null,
    signature varchar(200)             not null
);
