-- A feature's variants and targeting rules as canonical JSON ({"variants", "rules", "defaultVariant", "offVariant"});
-- null for a plain on/off feature, which every feature before this migration was. At most 64 KiB (checked by the domain).
alter table features add column targeting text;
