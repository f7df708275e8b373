-- Unchanged check-ins move snapshot.last_seen_at every hour. While an index named that column (as a key, an
-- INCLUDE column or in a predicate), PostgreSQL could not update the row in place (HOT): every move wrote a new
-- row version into all the table's indexes and left as many dead entries for vacuum — at 300k clients with two
-- snapshots each, some 14 million a day. Without these two, the move stays on the row's page.
-- The latest snapshot per machine is now read through machine_windows_state (lib/queries/shared.ts), and the
-- hosts' count trends find their snapshot in each bucket with snapshot_machine_id_is_kms_host_collected_at_idx,
-- reading last_seen_at from the row.
DROP INDEX IF EXISTS "snapshot_machine_id_last_seen_at_idx";
DROP INDEX IF EXISTS "snapshot_host_count_idx";
