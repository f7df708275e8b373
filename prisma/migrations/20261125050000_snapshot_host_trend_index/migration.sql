-- CreateIndex
CREATE INDEX "snapshot_machine_id_is_kms_host_collected_at_idx" ON "snapshot"("machine_id", "is_kms_host", "collected_at" DESC);
