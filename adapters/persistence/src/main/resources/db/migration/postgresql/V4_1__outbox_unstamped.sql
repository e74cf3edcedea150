-- The stamper's work list: only the unstamped events, in insertion order; tiny when the relay keeps up.
create index ix_outbox_unstamped on outbox_events (seq) where position is null;
