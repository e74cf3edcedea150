-- Features belong to a project and have a state in each of its environments (ADR 0012, issue 18). The definition
-- (key, name, description, tags, owner, variants, status) stays in features, now keyed per project; what an
-- environment serves (on/off, rollout, rules, default and off variant) moves to feature_states, one row per feature
-- and environment, each with its own version. Every existing feature goes to the project 'default' and its state to
-- 'production' keeping the feature's id, version and times: the id is the audit subject of the feature's history, so
-- its earlier entries stay its production history and as-of reads before this migration still answer.
-- The development states are added by V17_1 (each needs a new id, which the two databases make differently).

create table feature_states (
    id                 uuid                     not null primary key,
    feature_id         uuid                     not null,
    environment_id     uuid                     not null,
    enabled            boolean                  not null,
    rollout_percentage integer                  not null,
    -- the rules, defaultVariant and offVariant as canonical JSON; null for no rules and on/off. A state moved here by
    -- this migration holds the feature's whole targeting, variants included; the variants are read from features.
    targeting          text,
    version            bigint                   not null,
    created_at         timestamp with time zone not null,
    created_by         varchar(200)             not null,
    updated_at         timestamp with time zone not null,
    updated_by         varchar(200)             not null,
    constraint fk_feature_states_feature foreign key (feature_id) references features (id),
    constraint fk_feature_states_environment foreign key (environment_id) references environments (id),
    constraint uq_feature_states unique (feature_id, environment_id),
    constraint ck_feature_states_rollout check (rollout_percentage between 0 and 100),
    constraint ck_feature_states_version check (version >= 1)
);
create index ix_feature_states_environment on feature_states (environment_id, feature_id);

insert into feature_states (id, feature_id, environment_id, enabled, rollout_percentage, targeting, version,
                            created_at, created_by, updated_at, updated_by)
select id, id, '00000000-0000-7000-8000-00000000e002', enabled, rollout_percentage, targeting, version,
       created_at, created_by, updated_at, updated_by
from features;

alter table features add column project_id uuid;
update features set project_id = '00000000-0000-7000-8000-00000000d001';
alter table features alter column project_id set not null;
alter table features add constraint fk_features_project foreign key (project_id) references projects (id);
alter table features drop constraint uq_features_key;
alter table features add constraint uq_features_project_key unique (project_id, feature_key);
drop index ix_features_status_key;
create index ix_features_project_status_key on features (project_id, status, feature_key);

alter table features drop constraint ck_features_rollout;
alter table features drop column enabled;
alter table features drop column rollout_percentage;
-- the variants as canonical JSON ({"variants": {...}}); null for on/off. A feature from before this migration keeps
-- its whole targeting here; only its variants are read.
alter table features rename column targeting to variants;
