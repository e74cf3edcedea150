-- An event names the environment of the project it happened in (ADR 0012: NATS subjects route on it); null for an
-- event outside projects and for every event recorded before this migration (they were all outside projects or of
-- default/production, which their payloads do not say).
alter table outbox_events add column project_key varchar(32);
alter table outbox_events add column env_key varchar(32);
alter table outbox_dead_letters add column project_key varchar(32);
alter table outbox_dead_letters add column env_key varchar(32);
alter table event_log add column project_key varchar(32);
alter table event_log add column env_key varchar(32);
