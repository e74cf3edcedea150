-- The planner's estimate for "actor AND category" (and "subject AND category") assumes the two are independent; an
-- auditor whose every row is an ACCESS read then looks likely to have CHANGE rows early in the time index, and the
-- plan walks that whole index looking for them. Statistics over the pairs give it the real joint frequencies, so it
-- takes the (actor_id, category, occurred_at, seq) index instead (PostgresAuditPlansTest shows both).
create statistics st_audit_actor_category (mcv, dependencies) on actor_id, category from audit_entries;
create statistics st_audit_subject_category (mcv, dependencies) on subject_type, subject_id, category from audit_entries;
