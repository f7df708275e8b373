-- The clients each host's stored 12290 events show, with their latest request (as ingest keeps them from now on).
INSERT INTO "host_served_client" ("machine_id", "client_fqdn", "last_request_at")
SELECT "machine_id", "client_fqdn", max("time_created")
  FROM "activation_event"
 WHERE "event_id" = 12290 AND "client_fqdn" IS NOT NULL
 GROUP BY 1, 2
ON CONFLICT ("machine_id", "client_fqdn") DO UPDATE
  SET "last_request_at" = GREATEST("host_served_client"."last_request_at", EXCLUDED."last_request_at");
