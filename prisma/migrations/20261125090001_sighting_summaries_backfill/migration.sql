-- Backfill the sighting summaries from the sighting tables (also run by the benchmark's fill).
INSERT INTO "duplicate_cmid" ("cmid")
SELECT "cmid" FROM "cmid_sighting" GROUP BY "cmid" HAVING count(DISTINCT "machine") > 1
ON CONFLICT DO NOTHING;

INSERT INTO "kms_host_client" ("host", "client")
SELECT DISTINCT "host", "client" FROM "kms_host_sighting"
ON CONFLICT DO NOTHING;

INSERT INTO "kms_host_client_count" ("host", "clients")
SELECT "host", count(*) FROM "kms_host_client" GROUP BY 1
ON CONFLICT ("host") DO UPDATE SET "clients" = EXCLUDED."clients";

INSERT INTO "kms_host_source" ("host", "source", "first_seen_at", "last_seen_at")
SELECT "host", "source", min("first_seen_at"), max("last_seen_at") FROM "kms_host_sighting" GROUP BY 1, 2
ON CONFLICT ("host", "source") DO UPDATE
  SET "first_seen_at" = LEAST("kms_host_source"."first_seen_at", EXCLUDED."first_seen_at"),
      "last_seen_at" = GREATEST("kms_host_source"."last_seen_at", EXCLUDED."last_seen_at");
