-- Login sessions: each is a family of rotating refresh tokens (only their SHA-256 is kept). Revoking a session
-- ends every token of the family and, through the per-request check, every access token that names it.
create table auth_sessions (
    id            uuid                     not null primary key,
    user_id       uuid                     not null,
    created_at    timestamp with time zone not null,
    revoked_at    timestamp with time zone,
    revoked_for   varchar(64)
);
create index ix_auth_sessions_user on auth_sessions (user_id);

create table refresh_tokens (
    token_hash varchar(64)              not null primary key,
    session_id uuid                     not null,
    user_id    uuid                     not null,
    issued_at  timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    constraint fk_refresh_tokens_session foreign key (session_id) references auth_sessions (id)
);
