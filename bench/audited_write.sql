-- pgbench: the SQL one audited feature change runs since features have a state per environment (ADR 0012): the
-- transaction (the definition read with the row lock, its states with their environments, the production state's
-- update, audit insert, outbox insert of its event), each client on its own feature, as bench/patch.lua's clients
-- do (pgbench cannot bind a variable it read as a uuid in simple mode, so the id is looked up again by key). No sealer runs on this database. The per-request session check is answered from the instance's memory since
-- 2026-12-03 (CachingSessions; it read the session joined with its user before, and this script did the same then).
BEGIN;
SELECT id, version FROM features
  WHERE project_id = (SELECT id FROM projects WHERE project_key = 'default') AND feature_key = 'pgb-' || :client_id
  FOR UPDATE;
SELECT s.id, e.env_key, s.enabled, s.rollout_percentage, s.targeting, s.version FROM feature_states s
  JOIN environments e ON e.id = s.environment_id
  WHERE s.feature_id = (SELECT id FROM features WHERE feature_key = 'pgb-' || :client_id) ORDER BY e.sort_order, e.env_key;
UPDATE feature_states SET rollout_percentage = (rollout_percentage + 1) % 100, version = version + 1,
    updated_at = now(), updated_by = 'user:pgbench'
  WHERE feature_id = (SELECT id FROM features WHERE feature_key = 'pgb-' || :client_id)
    AND environment_id = '00000000-0000-7000-8000-00000000e002';
INSERT INTO audit_pending (id, category, action, outcome, severity, actor_type, actor_id, actor_name, actor_email,
    subject_type, subject_id, subject_key, reason, before_state, after_state, changes, request_id, channel,
    client_ip, user_agent, occurred_at)
  VALUES (gen_random_uuid(), 'CHANGE', 'FEATURE_UPDATED', 'SUCCESS', 'INFO', 'USER', 'pgbench', 'pgbench',
    'bench@example.com', 'feature', 'pgb-' || :client_id, 'pgb-' || :client_id, null,
    '{"description":"","enabled":false,"environment":"production","key":"pgb","name":"Bench","owner":null,"project":"default","rolloutPercentage":1,"status":"ACTIVE","tags":[],"version":1}',
    '{"description":"","enabled":false,"environment":"production","key":"pgb","name":"Bench","owner":null,"project":"default","rolloutPercentage":2,"status":"ACTIVE","tags":[],"version":2}',
    '[{"field":"rolloutPercentage","from":1,"to":2}]', 'bench', 'HTTP', '127.0.0.1', 'pgbench', now());
INSERT INTO outbox_events (event_id, event_type, aggregate_type, aggregate_id, aggregate_key, occurred_at, payload)
  VALUES (gen_random_uuid(), 'FeatureUpdated', 'feature', 'pgb-' || :client_id, 'pgb-' || :client_id, now(),
    '{"actor":{"displayName":"pgbench","id":"pgbench","type":"USER"},"changes":[{"field":"rolloutPercentage","from":1,"to":2}],"feature":{"description":"","enabled":false,"environment":"production","id":"pgb","key":"pgb","name":"Bench","owner":null,"project":"default","rolloutPercentage":2,"status":"ACTIVE","tags":[],"version":2},"reason":null}');
END;
