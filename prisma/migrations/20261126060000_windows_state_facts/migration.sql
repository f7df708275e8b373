-- The fleet-wide diagnosis reads every client's current Windows state: with what the client rules need kept
-- on the narrow current-state row, it no longer fetches 100k latest snapshots scattered over the snapshot
-- heap every 5 minutes. Snapshots never change once stored (an unchanged check-in only moves last_seen_at),
-- so these copies stay exact; ingest writes them with the rest of the row.
ALTER TABLE "machine_windows_state"
    ADD COLUMN "product_key_channel" TEXT,
    ADD COLUMN "grace_remaining_min" INTEGER,
    ADD COLUMN "expires_at" TIMESTAMPTZ(3),
    ADD COLUMN "notification_reason" TEXT,
    ADD COLUMN "kms_port" INTEGER;
