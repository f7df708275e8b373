// Upserts a batch's ePID sightings in one statement (the rows as one JSON parameter, like the other sightings),
// widening first/last seen and pointing each at the newest snapshot that reported it.
import type { PoolClient } from "pg";
import type { EpidSightingRow } from "@/lib/ingest/epidSightings";
import { storableRowsJson } from "@/lib/ingest/json";

export async function storeEpidSightings(client: PoolClient, machineId: string, rows: EpidSightingRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `WITH t AS (
       SELECT DISTINCT ON (host, family, epid, client) t.*,
              (SELECT s.id FROM snapshot s WHERE s.machine_id = $1 AND s.source = t.source AND s.product_key = t."productKey"
                  AND s.collected_at <= t.at ORDER BY s.collected_at DESC LIMIT 1) AS snapshot_id
         FROM json_to_recordset($2::json) AS t(host text, family text, epid text, client text, ip text, licensed boolean,
              source text, "productKey" text, at timestamptz)
        ORDER BY host, family, epid, client, at DESC
     )
     INSERT INTO kms_epid_sighting (host, family, epid, client, ip, licensed, snapshot_id, first_seen_at, last_seen_at)
     SELECT host, family, epid, client, ip, licensed, snapshot_id, at, at FROM t
     ON CONFLICT (host, family, epid, client) DO UPDATE
       SET first_seen_at = LEAST(kms_epid_sighting.first_seen_at, EXCLUDED.first_seen_at),
           last_seen_at = GREATEST(kms_epid_sighting.last_seen_at, EXCLUDED.last_seen_at),
           -- The newest report wins the details (a late replay of an old batch does not).
           ip = CASE WHEN EXCLUDED.last_seen_at >= kms_epid_sighting.last_seen_at THEN coalesce(EXCLUDED.ip, kms_epid_sighting.ip) ELSE kms_epid_sighting.ip END,
           licensed = CASE WHEN EXCLUDED.last_seen_at >= kms_epid_sighting.last_seen_at THEN EXCLUDED.licensed ELSE kms_epid_sighting.licensed END,
           snapshot_id = CASE WHEN EXCLUDED.last_seen_at >= kms_epid_sighting.last_seen_at THEN EXCLUDED.snapshot_id ELSE kms_epid_sighting.snapshot_id END`,
    [machineId, storableRowsJson(rows)],
  );
}
