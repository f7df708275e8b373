-- Backfill machine_windows_state from the snapshots stored before it existed: the latest Windows snapshot
-- of each machine, ordered as lib/queries/shared.ts latestWindowsSnapshots orders it.
INSERT INTO "machine_windows_state" ("machine_id", "snapshot_id", "source", "collected_at", "license_status", "channel", "kms_host", "cmid")
SELECT m.id, l.id, l.source, l.collected_at, l.license_status, l.channel, l.kms_host, l.cmid
  FROM "machine" m
  JOIN LATERAL (
    SELECT s.* FROM "snapshot" s
     WHERE s.machine_id = m.id AND (s.application_id = '55c92734-d682-4d71-983e-d6ec3f16059f' OR s.application_id IS NULL)
     ORDER BY s.last_seen_at DESC, (s.source = 'cim') DESC, s.collected_at DESC
     LIMIT 1
  ) l ON true
ON CONFLICT ("machine_id") DO NOTHING;
