-- Roles granted in one project or one environment of it (issue 18): EDITOR or VIEWER written as
-- ROLE@project[/environment], comma-separated like the roles column beside it, so that the per-request session check
-- still reads one row. Deleting an environment or a project revokes the grants in it, each revocation audited
-- (ProjectService), so a grant never outlives its place.
alter table users add column role_grants varchar(4000) default '' not null;
