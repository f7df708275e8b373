// Upserts a batch's sightings in bulk (one statement per table, the rows as one JSON parameter like the
// events), widening first/last seen, and keeps the summaries the dashboard reads: CMIDs flagged as
// duplicates, each host's distinct clients, and where each host was seen.
import type { PoolClient } from "pg";
import type { CmidSightingRow, HostSightingRow } from "@/lib/ingest/sightings";
import { storableRowsJson } from "@/lib/ingest/json";

async function storeCmidSightings(client: PoolClient, cmids: CmidSightingRow[]) {
  // One statement, the rows parsed once. A CMID becomes a duplicate only when a machine is added to it, so only
  // the (cmid, machine, host) rows this statement inserted are checked: against the machines already stored
  // (the statement's snapshot) and against the other machines of this batch.
  await client.query(
    `WITH t AS (
       SELECT cmid, machine, "kmsHost" AS kms_host, min(at) AS first_at, max(at) AS last_at
         FROM json_to_recordset($1::json) AS t(cmid text, machine text, "kmsHost" text, at timestamptz)
        GROUP BY 1, 2, 3
     ), upserted AS (
       INSERT INTO cmid_sighting (cmid, machine, kms_host, first_seen_at, last_seen_at)
       SELECT cmid, machine, kms_host, first_at, last_at FROM t
       ON CONFLICT (cmid, machine, kms_host) DO UPDATE
         SET first_seen_at = LEAST(cmid_sighting.first_seen_at, EXCLUDED.first_seen_at),
             last_seen_at = GREATEST(cmid_sighting.last_seen_at, EXCLUDED.last_seen_at)
       -- A client renewing inside the known window changes nothing: skip the write (and the dead tuple).
       WHERE cmid_sighting.first_seen_at > EXCLUDED.first_seen_at OR cmid_sighting.last_seen_at < EXCLUDED.last_seen_at
       RETURNING cmid, machine, xmax = 0 AS inserted
     )
     INSERT INTO duplicate_cmid (cmid)
     SELECT n.cmid FROM upserted n
      WHERE n.inserted AND EXISTS (SELECT 1 FROM cmid_sighting s WHERE s.cmid = n.cmid AND s.machine <> n.machine)
     UNION
     SELECT cmid FROM t GROUP BY cmid HAVING count(DISTINCT machine) > 1
     ON CONFLICT DO NOTHING`,
    [storableRowsJson(cmids)],
  );
}

async function storeHostSightings(client: PoolClient, hosts: HostSightingRow[]) {
  // One statement, the rows parsed once; its parts touch different tables, so they need not see each other.
  // Only the (host, client) pairs actually added are counted, so the per-host total stays exact under replays.
  await client.query(
    `WITH t AS (
       SELECT * FROM json_to_recordset($1::json) AS t(host text, source text, client text, at timestamptz)
     ), sightings AS (
       INSERT INTO kms_host_sighting (host, source, client, first_seen_at, last_seen_at)
       SELECT host, source, client, min(at), max(at) FROM t GROUP BY 1, 2, 3
       ON CONFLICT (host, source, client) DO UPDATE
         SET first_seen_at = LEAST(kms_host_sighting.first_seen_at, EXCLUDED.first_seen_at),
             last_seen_at = GREATEST(kms_host_sighting.last_seen_at, EXCLUDED.last_seen_at)
       WHERE kms_host_sighting.first_seen_at > EXCLUDED.first_seen_at OR kms_host_sighting.last_seen_at < EXCLUDED.last_seen_at
     ), sources AS (
       INSERT INTO kms_host_source (host, source, first_seen_at, last_seen_at)
       SELECT host, source, min(at), max(at) FROM t GROUP BY 1, 2
       ON CONFLICT (host, source) DO UPDATE
         SET first_seen_at = LEAST(kms_host_source.first_seen_at, EXCLUDED.first_seen_at),
             last_seen_at = GREATEST(kms_host_source.last_seen_at, EXCLUDED.last_seen_at)
       WHERE kms_host_source.first_seen_at > EXCLUDED.first_seen_at OR kms_host_source.last_seen_at < EXCLUDED.last_seen_at
     ), added AS (
       INSERT INTO kms_host_client (host, client) SELECT DISTINCT host, client FROM t
       ON CONFLICT DO NOTHING
       RETURNING host
     )
     INSERT INTO kms_host_client_count (host, clients)
     SELECT host, count(*) FROM added GROUP BY host
     ON CONFLICT (host) DO UPDATE SET clients = kms_host_client_count.clients + EXCLUDED.clients`,
    [storableRowsJson(hosts)],
  );
}

export async function storeSightings(client: PoolClient, cmids: CmidSightingRow[], hosts: HostSightingRow[]) {
  if (cmids.length > 0) await storeCmidSightings(client, cmids);
  if (hosts.length > 0) await storeHostSightings(client, hosts);
}
