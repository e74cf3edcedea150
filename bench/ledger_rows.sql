-- :n audit entries shaped like real feature changes (canonical JSON columns), waiting for the sealer in audit_pending.
INSERT INTO audit_pending (id, category, action, outcome, severity, actor_type, actor_id, actor_name, actor_email,
    subject_type, subject_id, subject_key, reason, before_state, after_state, changes, request_id, traceparent,
    channel, client_ip, user_agent, occurred_at)
SELECT gen_random_uuid(), 'CHANGE', 'FEATURE_UPDATED', 'SUCCESS', 'INFO', 'USER', 'u-' || (i % 50),
       'User ' || (i % 50), 'user' || (i % 50) || '@example.com', 'feature', md5(i::text), 'feature-' || (i % 5000),
       'ticket FT-' || i,
       '{"description":"a bench feature","enabled":false,"key":"feature-' || (i % 5000) || '","name":"Feature ' || (i % 5000) || '","owner":"team-' || (i % 7) || '","rolloutPercentage":' || (i % 100) || ',"status":"ACTIVE","tags":["bench","t' || (i % 3) || '"],"version":' || i || '}',
       '{"description":"a bench feature","enabled":true,"key":"feature-' || (i % 5000) || '","name":"Feature ' || (i % 5000) || '","owner":"team-' || (i % 7) || '","rolloutPercentage":' || ((i + 1) % 100) || ',"status":"ACTIVE","tags":["bench","t' || (i % 3) || '"],"version":' || (i + 1) || '}',
       '[{"field":"enabled","from":false,"to":true},{"field":"rolloutPercentage","from":' || (i % 100) || ',"to":' || ((i + 1) % 100) || '}]',
       'req-' || i, null, 'HTTP', '10.0.' || (i % 250) || '.' || (i % 200), 'bench-agent/1.0',
       timestamptz '2026-01-01 00:00:00+00' + (i || ' milliseconds')::interval
FROM generate_series(1, :n) AS i;
