-- Every feature moved to project 'default' by V17 gets an empty (off) state in its 'development' environment, with
-- the production state's rollout and targeting; recorded by this migration's DATABASE_MIGRATED entry.
insert into feature_states (id, feature_id, environment_id, enabled, rollout_percentage, targeting, version,
                            created_at, created_by, updated_at, updated_by)
select random_uuid(), feature_id, '00000000-0000-7000-8000-00000000e001', false, rollout_percentage, targeting, 1,
       current_timestamp, 'system:migration', current_timestamp, 'system:migration'
from feature_states
where environment_id = '00000000-0000-7000-8000-00000000e002';
