-- Which KMS host ePID each client received, per host name and product family (issue #21: rogue KMS host forensics).
CREATE TABLE "kms_epid_sighting" (
    "host" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "epid" TEXT NOT NULL,
    "client" TEXT NOT NULL,
    "ip" TEXT,
    "licensed" BOOLEAN NOT NULL,
    "snapshot_id" UUID,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kms_epid_sighting_pkey" PRIMARY KEY ("host","family","epid","client")
);

CREATE INDEX "kms_epid_sighting_client_idx" ON "kms_epid_sighting"("client");

-- Backfill from the client snapshots stored before the table existed (the newest snapshot of each sighting wins).
INSERT INTO "kms_epid_sighting" ("host", "family", "epid", "client", "ip", "licensed", "snapshot_id", "first_seen_at", "last_seen_at")
SELECT DISTINCT ON (host, family, epid, client) host, family, epid, client, ip, licensed, snapshot_id,
       min(collected_at) OVER w, max(last_seen_at) OVER w
  FROM (
    SELECT s.kms_host AS host,
           CASE WHEN s.application_id IS NULL OR s.application_id = '55c92734-d682-4d71-983e-d6ec3f16059f' THEN 'windows'
                WHEN s.application_id IN ('0ff1ce15-a989-479d-af46-f275c6370663', '59a52881-a989-479d-af46-f275c6370663') THEN 'office'
                ELSE 'other' END AS family,
           left(btrim(s.parsed->>'kmsHostExtendedPid'), 64) AS epid, m.fqdn AS client,
           nullif(btrim(s.parsed->>'kmsHostIp'), '') AS ip, s.license_status = 'Licensed' AS licensed, s.id AS snapshot_id,
           s.collected_at, s.last_seen_at
      FROM "snapshot" s JOIN "machine" m ON m.id = s.machine_id
     WHERE NOT s.is_kms_host AND s.kms_host IS NOT NULL AND nullif(btrim(s.parsed->>'kmsHostExtendedPid'), '') IS NOT NULL
  ) x
WINDOW w AS (PARTITION BY host, family, epid, client)
ORDER BY host, family, epid, client, collected_at DESC
ON CONFLICT DO NOTHING;
