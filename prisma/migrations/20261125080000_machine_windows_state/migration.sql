-- The current Windows state of every machine, one narrow row each, kept by ingest whenever a new Windows
-- snapshot is stored: fleet-wide counts and the clients search read it instead of probing the latest
-- snapshot of 100k machines per request.
CREATE TABLE "machine_windows_state" (
    "machine_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "collected_at" TIMESTAMPTZ(3) NOT NULL,
    "license_status" TEXT,
    "channel" TEXT,
    "kms_host" TEXT,
    "cmid" TEXT,

    CONSTRAINT "machine_windows_state_pkey" PRIMARY KEY ("machine_id")
);

ALTER TABLE "machine_windows_state" ADD CONSTRAINT "machine_windows_state_machine_id_fkey"
    FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "machine_windows_state" ADD CONSTRAINT "machine_windows_state_snapshot_id_fkey"
    FOREIGN KEY ("snapshot_id") REFERENCES "snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "machine_windows_state_snapshot_id_idx" ON "machine_windows_state"("snapshot_id");
CREATE INDEX "machine_windows_state_license_status_idx" ON "machine_windows_state"("license_status");

-- Fleet-wide pages filter machines by role (20 KMS hosts among 100k clients).
CREATE INDEX "machine_role_idx" ON "machine"("role");

-- Substring search ("ws-050", part of a CMID) without reading every row.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "machine_fqdn_trgm_idx" ON "machine" USING gin ("fqdn" gin_trgm_ops);
CREATE INDEX "machine_windows_state_cmid_trgm_idx" ON "machine_windows_state" USING gin ("cmid" gin_trgm_ops);

-- A host's requests (count trend, forecast) are read by index only: the columns the count model needs
-- ride in the index, so tens of thousands of requests cost index pages, not one heap page each.
DROP INDEX "activation_event_machine_id_event_id_time_created_idx";
CREATE INDEX "activation_event_machine_id_event_id_time_created_idx" ON "activation_event"("machine_id", "event_id", "time_created")
    INCLUDE ("cmid", "min_count", "hresult");
