-- H2 has no partial indexes: this one serves "unstamped events in order" (position is null, by seq).
create index ix_outbox_position_seq on outbox_events (position, seq);
