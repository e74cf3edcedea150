-- Failed-login counters per account (normalised e-mail) and per client address: one row per key, counting the
-- failures since window_start. Kept in the database so that limits hold across restarts and instances.
create table login_throttle (
    kind         varchar(16)              not null,
    throttle_key varchar(320)             not null,
    failures     integer                  not null,
    window_start timestamp with time zone not null,
    constraint pk_login_throttle primary key (kind, throttle_key)
);
