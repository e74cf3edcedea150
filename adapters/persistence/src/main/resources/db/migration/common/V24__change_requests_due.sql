-- The scheduler asks every second which scheduled change requests are due (issue 19): an index on what it asks.
create index ix_change_requests_due on change_requests (state, scheduled_for);
