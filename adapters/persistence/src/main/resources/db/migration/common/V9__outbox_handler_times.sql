-- When a handler last failed and last delivered: an operator sees whether an old error still matters (issue 15).
alter table outbox_handlers add column last_error_at timestamp with time zone;
alter table outbox_handlers add column last_delivered_at timestamp with time zone;
