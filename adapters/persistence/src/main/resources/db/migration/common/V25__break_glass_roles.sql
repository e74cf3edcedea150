-- Who may break glass in an environment (issue 19): holders of these roles (comma-separated) may change a protected
-- environment's feature state at once, with a reason, recorded CRITICAL and reviewed afterwards. None by default.
alter table environments add column break_glass_roles varchar(100) not null default '';
