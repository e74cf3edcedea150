-- H2 has no partial indexes: this one serves "unsealed entries in order" (position is null, by seq).
create index ix_audit_position_seq on audit_entries (position, seq);
