-- The two snapshot indexes led by is_kms_host served only KMS hosts' rows: every statement that reads through
-- them says `is_kms_host` (the host trend, the overview's host buckets, host facts, ePID forensics), and a
-- client's snapshots are found by (machine_id, product_key, collected_at). Yet they held an entry for every
-- client row too: at 100k clients hosts' rows are ~3% of the table, so ~50 of each snapshot's ~180 index bytes
-- were entries no query reads. Partial (WHERE is_kms_host) they hold the hosts' rows only; the planner uses
-- them for the same statements, whose condition implies the predicate.
DROP INDEX "snapshot_machine_id_is_kms_host_collected_at_idx";
CREATE INDEX "snapshot_host_machine_id_collected_at_idx" ON "snapshot" ("machine_id", "collected_at" DESC) WHERE "is_kms_host";
DROP INDEX "snapshot_is_kms_host_collected_at_idx";
CREATE INDEX "snapshot_host_collected_at_idx" ON "snapshot" ("collected_at") WHERE "is_kms_host";
