-- The hosts' count trends (overview: every host × 31 days; a host's page: each bucket) take the host snapshot
-- in force in each bucket. Host snapshots are a few thousand among millions of client ones, scattered over
-- the heap: this partial index carries what the trends read, so each bucket is one index probe, not a heap
-- page fetched from disk.
CREATE INDEX "snapshot_host_count_idx" ON "snapshot"("machine_id", "collected_at" DESC)
    INCLUDE ("last_seen_at", "current_count", "total_requests", "failed_requests", "source")
    WHERE "is_kms_host";
