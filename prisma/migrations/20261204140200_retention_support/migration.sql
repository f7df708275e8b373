-- What the retention job (lib/evaluate/jobs/retention.ts) needs to stay cheap on a large database.
--
-- Deleting a raw artifact makes PostgreSQL look for the snapshots that reference it (the foreign key cascades):
-- without an index on snapshot.raw_artifact_id that is a scan of the whole snapshot table per artifact deleted
-- (and already per artifact when a machine is deleted). ~16 bytes per snapshot.
CREATE INDEX "snapshot_raw_artifact_id_idx" ON "snapshot"("raw_artifact_id");

-- How far each pass has got, so a pass only reads what became due since the one before (the event XML emptied
-- after KMSWATCH_RETAIN_RAW_DAYS would otherwise be read again, already empty, by every pass until deleted).
CREATE TABLE "retention_progress" (
    "task" TEXT NOT NULL,
    "done_until" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "retention_progress_pkey" PRIMARY KEY ("task")
);
