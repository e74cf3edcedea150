-- The place columns of V21 filled for the entries from before them (H2; see the PostgreSQL twin for the rules). H2
-- has no JSON path: a snapshot is canonical JSON (keys sorted, no spaces, quotes inside strings escaped), so its
-- top-level "project" and "environment" members are the first of that name; the variants that could nest such a
-- member sort after them.
update audit_entries set
    project_key = case subject_type
        when 'feature' then coalesce(regexp_substr(after_state, '"project":"([^"]*)"', 1, 1, '', 1),
                                     regexp_substr(before_state, '"project":"([^"]*)"', 1, 1, '', 1), 'default')
        when 'environment' then substring(subject_key, 1, locate('/', subject_key) - 1)
        else subject_key end,
    env_key = case subject_type
        when 'feature' then coalesce(regexp_substr(after_state, '"environment":"([^"]*)"', 1, 1, '', 1),
                                     regexp_substr(before_state, '"environment":"([^"]*)"', 1, 1, '', 1), 'production')
        when 'environment' then substring(subject_key, locate('/', subject_key) + 1) end
where subject_type in ('feature', 'environment', 'project');
update audit_pending set
    project_key = case subject_type
        when 'feature' then coalesce(regexp_substr(after_state, '"project":"([^"]*)"', 1, 1, '', 1),
                                     regexp_substr(before_state, '"project":"([^"]*)"', 1, 1, '', 1), 'default')
        when 'environment' then substring(subject_key, 1, locate('/', subject_key) - 1)
        else subject_key end,
    env_key = case subject_type
        when 'feature' then coalesce(regexp_substr(after_state, '"environment":"([^"]*)"', 1, 1, '', 1),
                                     regexp_substr(before_state, '"environment":"([^"]*)"', 1, 1, '', 1), 'production')
        when 'environment' then substring(subject_key, locate('/', subject_key) + 1) end
where subject_type in ('feature', 'environment', 'project');
