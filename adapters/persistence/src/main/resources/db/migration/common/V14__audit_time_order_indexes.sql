-- Reviewer queries answer from one index each, in the order they page (issue 24, ADR 0009): newest first by the
-- time of the change, entries of the same instant by seq. Every filter's index ends with (occurred_at, seq), so a
-- time range (first page included) is a range of that index instead of a walk down the primary key filtered on
-- time, and a filter with no index of its own (subject key) no longer walks the whole table.
-- "if not exists": on a large ledger an operator may build them beforehand with CREATE INDEX CONCURRENTLY, so that
-- writes never wait for this migration (docs/operations.md, "Upgrading").
drop index if exists ix_audit_subject;
drop index if exists ix_audit_actor;
drop index if exists ix_audit_action;
drop index if exists ix_audit_category;
create index if not exists ix_audit_subject_time on audit_entries (subject_type, subject_id, occurred_at, seq);
create index if not exists ix_audit_subject_key_time on audit_entries (subject_key, occurred_at, seq);
create index if not exists ix_audit_actor_time on audit_entries (actor_id, occurred_at, seq);
-- "what did this person change": their reads of the trail (ACCESS entries, one per query) never sit in between
create index if not exists ix_audit_actor_category_time on audit_entries (actor_id, category, occurred_at, seq);
create index if not exists ix_audit_action_time on audit_entries (action, occurred_at, seq);
create index if not exists ix_audit_category_time on audit_entries (category, occurred_at, seq);
-- ix_audit_occurred (occurred_at, seq) already serves the unfiltered list and plain time ranges.
