// Upserts a batch's sightings in bulk (one statement per table), widening first/last seen.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CmidSightingRow, HostSightingRow } from "@/lib/ingest/sightings";

export async function storeSightings(tx: Prisma.TransactionClient, cmids: CmidSightingRow[], hosts: HostSightingRow[]) {
  if (cmids.length > 0) {
    await tx.$executeRaw`
      INSERT INTO cmid_sighting (cmid, machine, kms_host, first_seen_at, last_seen_at)
      SELECT cmid, machine, kms_host, min(at), max(at)
        FROM unnest(${cmids.map((c) => c.cmid)}::text[], ${cmids.map((c) => c.machine)}::text[],
                    ${cmids.map((c) => c.kmsHost)}::text[], ${cmids.map((c) => c.at)}::timestamptz[]) AS t(cmid, machine, kms_host, at)
       GROUP BY 1, 2, 3
      ON CONFLICT (cmid, machine, kms_host) DO UPDATE
        SET first_seen_at = LEAST(cmid_sighting.first_seen_at, EXCLUDED.first_seen_at),
            last_seen_at = GREATEST(cmid_sighting.last_seen_at, EXCLUDED.last_seen_at)`;
  }
  if (hosts.length > 0) {
    await tx.$executeRaw`
      INSERT INTO kms_host_sighting (host, source, client, first_seen_at, last_seen_at)
      SELECT host, source, client, min(at), max(at)
        FROM unnest(${hosts.map((h) => h.host)}::text[], ${hosts.map((h) => h.source)}::text[],
                    ${hosts.map((h) => h.client)}::text[], ${hosts.map((h) => h.at)}::timestamptz[]) AS t(host, source, client, at)
       GROUP BY 1, 2, 3
      ON CONFLICT (host, source, client) DO UPDATE
        SET first_seen_at = LEAST(kms_host_sighting.first_seen_at, EXCLUDED.first_seen_at),
            last_seen_at = GREATEST(kms_host_sighting.last_seen_at, EXCLUDED.last_seen_at)`;
  }
}
