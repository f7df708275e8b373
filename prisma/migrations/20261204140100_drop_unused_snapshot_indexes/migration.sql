-- No statement reads snapshots by CMID or by KMS host any more: the duplicate-CMID page, the host audit and the
-- clients search read the sighting tables and machine_windows_state. In the quick bench of 2026-12-04 17:11
-- (bench/results/runs/2026-12-04-1711-quick-5000.json, storage.unusedIndexes) neither index was scanned once by
-- ingest, check-ins, the fleet-wide evaluations or any dashboard endpoint; together 0.23 KiB per client per
-- 30 days, and two index entries written per stored snapshot.
DROP INDEX IF EXISTS "snapshot_cmid_idx";
DROP INDEX IF EXISTS "snapshot_kms_host_idx";
