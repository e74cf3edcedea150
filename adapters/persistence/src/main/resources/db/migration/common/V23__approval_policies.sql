-- Each environment's approval policy (issue 19, ADR 0014) replaces its "protected" flag, which nothing enforced:
-- how many approvals a change request there needs (0: changes are made directly), who gives them (roles, named user
-- ids; comma-separated) and whether the author may approve their own request. An environment marked protected
-- before keeps that intent: it requires one approval, by an ADMIN or an EDITOR, never the author's own.
alter table environments add column required_approvals integer not null default 0;
alter table environments add column approver_roles varchar(100) not null default '';
alter table environments add column approver_users varchar(4000) not null default '';
alter table environments add column author_may_approve boolean not null default false;
update environments set required_approvals = 1, approver_roles = 'ADMIN,EDITOR' where is_protected;
alter table environments drop column is_protected;
