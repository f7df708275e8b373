-- Unchanged check-ins (the hourly norm) no longer add an ingest_batch row each: the agent counts them,
-- so storage grows with change, not with time.
ALTER TABLE "agent" ADD COLUMN "unchanged_checkins" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "agent" ADD COLUMN "unchanged_accepted" BIGINT NOT NULL DEFAULT 0;
