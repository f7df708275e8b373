// Upserts a batch's sightings in bulk (one statement per table), widening first/last seen, and keeps the
// summaries the dashboard reads: CMIDs flagged as duplicates, each host's distinct clients, and where each
// host was seen.
import type { PoolClient } from "pg";
import type { CmidSightingRow, HostSightingRow } from "@/lib/ingest/sightings";
import { storableRowsJson, storableText } from "@/lib/ingest/json";

/** A batch's CMID sightings as typed arrays (one entry per CMID × machine × host), and its own duplicate CMIDs. */
export type CmidSightingArrays = {
  cmids: string[];
  machines: string[];
  kmsHosts: string[];
  firstAt: string[];
  lastAt: string[];
  /** CMIDs this batch alone shows on more than one machine. */
  batchDuplicates: string[];
};

/**
 * Grouped here rather than in SQL: a host's 500-event batch gave PostgreSQL 500 JSON rows to parse, group and
 * group again for the in-batch duplicates, about a third of the statement's cost; typed arrays are read as they are.
 */
export function cmidSightingArrays(rows: readonly CmidSightingRow[]): CmidSightingArrays {
  const groups = new Map<string, { row: CmidSightingRow; first: number; last: number }>();
  const machinesOf = new Map<string, Set<string>>();
  for (const row of rows) {
    const at = Date.parse(row.at);
    const key = `${row.cmid}\t${row.machine}\t${row.kmsHost}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { row, first: at, last: at });
    else {
      group.first = Math.min(group.first, at);
      group.last = Math.max(group.last, at);
    }
    const machines = machinesOf.get(row.cmid) ?? new Set<string>();
    machines.add(row.machine);
    machinesOf.set(row.cmid, machines);
  }
  const out: CmidSightingArrays = { cmids: [], machines: [], kmsHosts: [], firstAt: [], lastAt: [], batchDuplicates: [] };
  for (const { row, first, last } of groups.values()) {
    out.cmids.push(storableText(row.cmid));
    out.machines.push(storableText(row.machine));
    out.kmsHosts.push(storableText(row.kmsHost));
    out.firstAt.push(new Date(first).toISOString());
    out.lastAt.push(new Date(last).toISOString());
  }
  for (const [cmid, machines] of machinesOf) if (machines.size > 1) out.batchDuplicates.push(storableText(cmid));
  return out;
}

async function storeCmidSightings(client: PoolClient, rows: CmidSightingRow[]) {
  const a = cmidSightingArrays(rows);
  // One statement. A CMID becomes a duplicate only when a machine is added to it, so only the (cmid, machine,
  // host) rows this statement inserted are checked against the machines already stored (the statement's
  // snapshot), one index probe each: as an EXISTS the planner hashed the whole table instead, a cost that grew
  // with the fleet (PostgreSQL's CPU per event rose by a fifth from one bench run to the next). The batch's own
  // duplicates come grouped from cmidSightingArrays.
  await client.query(
    `WITH upserted AS (
       INSERT INTO cmid_sighting (cmid, machine, kms_host, first_seen_at, last_seen_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])
       ON CONFLICT (cmid, machine, kms_host) DO UPDATE
         SET first_seen_at = LEAST(cmid_sighting.first_seen_at, EXCLUDED.first_seen_at),
             last_seen_at = GREATEST(cmid_sighting.last_seen_at, EXCLUDED.last_seen_at)
       -- A client renewing inside the known window changes nothing: skip the write (and the dead tuple).
       WHERE cmid_sighting.first_seen_at > EXCLUDED.first_seen_at OR cmid_sighting.last_seen_at < EXCLUDED.last_seen_at
       RETURNING cmid, machine, xmax = 0 AS inserted
     )
     INSERT INTO duplicate_cmid (cmid)
     SELECT n.cmid FROM upserted n
       CROSS JOIN LATERAL (SELECT 1 FROM cmid_sighting s WHERE s.cmid = n.cmid AND s.machine <> n.machine LIMIT 1) other
      WHERE n.inserted
     UNION
     SELECT unnest($6::text[])
     ON CONFLICT DO NOTHING`,
    [a.cmids, a.machines, a.kmsHosts, a.firstAt, a.lastAt, a.batchDuplicates],
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
