-- Change requests listed by author or approver (issue 19): each actor's reference (user:<id>) beside the JSON, the
-- approvers as ",ref,ref," so that one is matched whole. Requests stored before have none and match no such filter.
alter table change_requests add column author_ref varchar(300);
alter table change_requests add column approver_refs varchar(4000) not null default ',';
create index ix_change_requests_author on change_requests (project_key, env_key, author_ref);
