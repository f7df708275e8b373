-- CreateIndex
CREATE INDEX "snapshot_machine_id_last_seen_at_idx" ON "snapshot"("machine_id", "last_seen_at" DESC);
