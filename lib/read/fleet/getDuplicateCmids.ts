// CMIDs reported by more than one machine: a cloned image that was not generalized. Each group
// costs the host count (group size − 1) clients, because the host counts distinct CMIDs.
import "server-only";
import { db } from "@/lib/core/db";
import type { DuplicateCmidGroup } from "@/lib/read/contract/fleet";

export type { DuplicateCmidGroup } from "@/lib/read/contract/fleet";

type Row = { cmid: string; machines: string[]; kms_hosts: string[] | null; first_seen: Date; last_seen: Date; machine_count: number };

export async function getDuplicateCmids(): Promise<DuplicateCmidGroup[]> {
  // cmid_sighting holds one row per CMID × machine × KMS host; ingest flags in duplicate_cmid the CMIDs
  // reported by several machines, so the DISTINCT aggregates run on those few, not on every client.
  const rows = await db().$queryRaw<Row[]>`
    SELECT cmid, array_agg(DISTINCT machine ORDER BY machine) AS machines,
           array_agg(DISTINCT kms_host ORDER BY kms_host) FILTER (WHERE kms_host <> '') AS kms_hosts,
           min(first_seen_at) AS first_seen, max(last_seen_at) AS last_seen, count(DISTINCT machine)::int AS machine_count
      FROM cmid_sighting WHERE cmid IN (SELECT cmid FROM duplicate_cmid)
     GROUP BY cmid
    HAVING count(DISTINCT machine) > 1
     ORDER BY count(DISTINCT machine) DESC, cmid`;
  return rows.map((r) => ({
    cmid: r.cmid,
    machines: r.machines,
    kmsHosts: r.kms_hosts ?? [],
    firstSeenAt: r.first_seen.toISOString(),
    lastSeenAt: r.last_seen.toISOString(),
    machineCount: r.machine_count,
    countLost: r.machine_count - 1,
  }));
}

export const DUPLICATE_CMID_FIX =
  "These machines were cloned from an image that was not prepared with `sysprep /generalize`, so they share one " +
  "Client Machine ID and the KMS host counts them once. On each affected machine run `slmgr.vbs /rearm` (or rebuild " +
  "the image with `sysprep /generalize`), reboot, then `slmgr.vbs /ato`; check `slmgr.vbs /dlv` shows a new CMID.";
