-- Entries wait in audit_pending until the sealer moves each into audit_entries with its position and hashes in one
-- insert (ADR 0010): audit_entries is written once per entry and never updated, so sealing leaves no dead row
-- version and no second set of index entries behind. Same columns in the same order as audit_entries (the chain's
-- three always null here), so that a row moves with one INSERT ... SELECT and a listing is one UNION ALL: a column
-- added to one table is added to both. seq is shared by both tables through audit_seq, which the vendor migration
-- starts past every seq in use and makes audit_entries' default too.
create sequence audit_seq;

create table audit_pending (
    seq          bigint                   default nextval('audit_seq') not null primary key,
    id           uuid                     not null,
    category     varchar(16)              not null,
    action       varchar(64)              not null,
    outcome      varchar(16)              not null,
    severity     varchar(16)              not null,
    actor_type   varchar(16)              not null,
    actor_id     varchar(200)             not null,
    actor_name   varchar(200)             not null,
    actor_email  varchar(320),
    subject_type varchar(32)              not null,
    subject_id   varchar(200)             not null,
    subject_key  varchar(320),
    reason       varchar(500),
    before_state text,
    after_state  text,
    changes      text                     not null,
    request_id   varchar(200),
    traceparent  varchar(128),
    channel      varchar(16)              not null,
    client_ip    varchar(64),
    user_agent   varchar(512),
    occurred_at  timestamp with time zone not null,
    position     bigint,
    prev_hash    varchar(64),
    hash         varchar(64),
    constraint ck_audit_pending_unsealed check (position is null and prev_hash is null and hash is null)
);
-- Listings read the waiting entries newest first beside the sealed ones; the table is the sealing backlog (small),
-- so one time index serves every filter.
create index ix_audit_pending_time on audit_pending (occurred_at, seq);
