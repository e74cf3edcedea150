-- API keys: only the SHA-256 of the secret is kept; lookup_key (12 characters of the secret after "ft_") finds the
-- row, then the hash is compared in constant time.
create table api_keys (
    id           uuid                     not null primary key,
    name         varchar(120)             not null,
    key_prefix   varchar(16)              not null,
    lookup_key   varchar(16)              not null,
    secret_hash  varchar(64)              not null,
    scopes       varchar(200)             not null,
    created_by   varchar(200)             not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone,
    revoked_at   timestamp with time zone,
    last_used_at timestamp with time zone,
    constraint uq_api_keys_lookup unique (lookup_key)
);
