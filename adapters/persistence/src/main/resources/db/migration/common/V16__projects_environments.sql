-- Projects and their environments (ADR 0012, issue 18). Keys are slugs of at most 32 characters without '.', since
-- they become parts of event subjects. Every installation has the project 'default' with 'development' and
-- 'production': existing features move there in a later migration, and the compatibility routes
-- (/api/v1/features) address default/production. The DATABASE_MIGRATED entry of this migration records their creation.

create table projects (
    id          uuid                     not null primary key,
    project_key varchar(32)              not null,
    name        varchar(120)             not null,
    description varchar(2000)            not null,
    owner       varchar(120),
    version     bigint                   not null,
    created_at  timestamp with time zone not null,
    created_by  varchar(200)             not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(200)             not null,
    constraint uq_projects_key unique (project_key),
    constraint ck_projects_version check (version >= 1)
);

create table environments (
    id           uuid                     not null primary key,
    project_id   uuid                     not null,
    env_key      varchar(32)              not null,
    name         varchar(120)             not null,
    env_type     varchar(16)              not null,
    sort_order   integer                  not null,
    is_protected boolean                  not null,
    version      bigint                   not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(200)             not null,
    updated_at   timestamp with time zone not null,
    updated_by   varchar(200)             not null,
    constraint fk_environments_project foreign key (project_id) references projects (id),
    constraint uq_environments_key unique (project_id, env_key),
    constraint ck_environments_type check (env_type in ('DEVELOPMENT', 'TEST', 'STAGING', 'PRODUCTION')),
    constraint ck_environments_version check (version >= 1)
);

insert into projects (id, project_key, name, description, owner, version, created_at, created_by, updated_at, updated_by)
values ('00000000-0000-7000-8000-00000000d001', 'default', 'Default', 'The project every installation starts with',
        null, 1, current_timestamp, 'system:migration', current_timestamp, 'system:migration');

insert into environments (id, project_id, env_key, name, env_type, sort_order, is_protected, version,
                          created_at, created_by, updated_at, updated_by)
values ('00000000-0000-7000-8000-00000000e001', '00000000-0000-7000-8000-00000000d001', 'development', 'Development',
        'DEVELOPMENT', 0, false, 1, current_timestamp, 'system:migration', current_timestamp, 'system:migration'),
       ('00000000-0000-7000-8000-00000000e002', '00000000-0000-7000-8000-00000000d001', 'production', 'Production',
        'PRODUCTION', 100, false, 1, current_timestamp, 'system:migration', current_timestamp, 'system:migration');
