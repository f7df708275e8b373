-- Each served client with its latest stored 12290 and that request's columns (what ingest keeps from now on).
INSERT INTO "host_served_client"
       ("machine_id", "client_fqdn", "last_request_at", "cmid", "activation_id", "min_count", "license_status", "is_vm", "hresult")
SELECT DISTINCT ON ("machine_id", "client_fqdn")
       "machine_id", "client_fqdn", "time_created", "cmid", "activation_id", "min_count", "license_status", "is_vm", "hresult"
  FROM "activation_event"
 WHERE "event_id" = 12290 AND "client_fqdn" IS NOT NULL
 ORDER BY "machine_id", "client_fqdn", "time_created" DESC
ON CONFLICT ("machine_id", "client_fqdn") DO UPDATE
  SET "last_request_at" = EXCLUDED."last_request_at", "cmid" = EXCLUDED."cmid", "activation_id" = EXCLUDED."activation_id",
      "min_count" = EXCLUDED."min_count", "license_status" = EXCLUDED."license_status", "is_vm" = EXCLUDED."is_vm",
      "hresult" = EXCLUDED."hresult"
  WHERE "host_served_client"."last_request_at" <= EXCLUDED."last_request_at";
