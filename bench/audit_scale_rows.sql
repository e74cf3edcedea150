-- :n audit entries over a year, shaped like a ledger in use, waiting for the sealer in audit_pending (bench/run audit-scale):
-- 10,000 features of which a few take most changes (feature-0 thousands of times, the long tail a handful each), one
-- entry in a thousand about a feature changed just once (feature-once-<i>), 500 actors of whom some do most of the
-- work, and one entry in twenty an auditor's read of the trail (ACCESS). Times rise through 2026 in order.
INSERT INTO audit_pending (id, category, action, outcome, severity, actor_type, actor_id, actor_name, actor_email,
    subject_type, subject_id, subject_key, reason, before_state, after_state, changes, request_id, traceparent,
    channel, client_ip, user_agent, occurred_at)
SELECT gen_random_uuid(),
       CASE WHEN access THEN 'ACCESS' ELSE 'CHANGE' END,
       CASE WHEN access THEN 'AUDIT_QUERIED' ELSE 'FEATURE_UPDATED' END,
       'SUCCESS', 'INFO', 'USER', actor, 'User ' || actor, actor || '@example.com',
       CASE WHEN access THEN 'audit' ELSE 'feature' END,
       CASE WHEN access THEN 'audit-trail' ELSE md5(feature) END,
       CASE WHEN access THEN NULL ELSE feature END,
       CASE WHEN access THEN NULL ELSE 'ticket FT-' || i END,
       CASE WHEN access THEN NULL ELSE '{"description":"a bench feature","enabled":false,"key":"' || feature || '","name":"Feature","owner":"team-' || (i % 7) || '","rolloutPercentage":' || (i % 100) || ',"status":"ACTIVE","tags":["bench"],"version":' || i || '}' END,
       CASE WHEN access THEN '{"filters":{"category":"CHANGE"}}' ELSE '{"description":"a bench feature","enabled":true,"key":"' || feature || '","name":"Feature","owner":"team-' || (i % 7) || '","rolloutPercentage":' || ((i + 1) % 100) || ',"status":"ACTIVE","tags":["bench"],"version":' || (i + 1) || '}' END,
       CASE WHEN access THEN '[]' ELSE '[{"field":"enabled","from":false,"to":true},{"field":"rolloutPercentage","from":' || (i % 100) || ',"to":' || ((i + 1) % 100) || '}]' END,
       'req-' || i, null, 'HTTP', '10.0.' || (i % 250) || '.' || (i % 200), 'bench-agent/1.0',
       timestamptz '2026-01-01 00:00:00+00' + (i::float8 / :n * 365 * 86400) * interval '1 second'
FROM (
    SELECT i,
           i % 20 = 0 AS access,
           CASE WHEN i % 20 = 0 THEN 'auditor-' || (i % 3)
                ELSE 'u-' || floor(500 * power((abs(hashint4(i * 7)) % 1000000) / 1000000.0, 2))::int END AS actor,
           CASE WHEN i % 1000 = 7 THEN 'feature-once-' || i
                ELSE 'feature-' || floor(10000 * power((abs(hashint4(i)) % 1000000) / 1000000.0, 2))::int END AS feature
    FROM generate_series(1, :n) AS i
) AS shaped;
