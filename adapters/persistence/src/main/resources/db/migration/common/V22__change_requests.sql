-- Change requests (issue 19, ADR 0014): a proposal to change feature states in one environment, reviewed before it
-- is applied. Placed by keys, not by ids with foreign keys: a request is never deleted (rejected, withdrawn and
-- cancelled ones stay with their reasons), not even with its environment. What it proposes and who approved it are
-- JSON (each proposed change's before and after state; each approval's approver, time and comment); version makes
-- each step land only on the version it started from.
create table change_requests (
    id            uuid                     not null primary key,
    project_key   varchar(32)              not null,
    env_key       varchar(32)              not null,
    title         varchar(200)             not null,
    author        text                     not null,
    state         varchar(16)              not null,
    changes       text                     not null,
    approvals     text                     not null,
    decided_by    text,
    decision      varchar(1000),
    scheduled_for timestamp with time zone,
    version       bigint                   not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create index ix_change_requests_place on change_requests (project_key, env_key, state, id);
