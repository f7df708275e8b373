-- No statement reads events by CMID: every query on activation_event filters by machine (a host's requests, a
-- client's events) or by event id and time; CMIDs across machines come from cmid_sighting. In both full quick
-- runs of 2026-12-05 (bench/results/runs/2026-12-05-0520-quick-5000.json and -0534-, storage.unusedIndexes:
-- ingest, check-ins, overload, both fleet-wide evaluations and every dashboard endpoint) it was never scanned
-- (its one scan in the 2026-12-04 17:11 run was the bench replaying an old backfill). 0.50 KiB per client per
-- 30 days, one index entry written per stored event.
DROP INDEX IF EXISTS "activation_event_cmid_time_created_idx";
