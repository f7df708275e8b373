// Builds the diagnosis facts of clients from the current-state and activation-facts rows ingest keeps.
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import type { ClientFacts } from "@/lib/evaluate/rules/types";
import { licenseStatusSchema } from "@/lib/kms/parsed";
import { isoOrNull } from "@/lib/core/sql";
import { mapYielding } from "@/lib/core/mapYielding";
import { getApprovedHosts, isApproved } from "@/lib/access/admin/getApprovedHosts";
import { intendedEntryFor } from "@/lib/kms/intendedChannels";
import { listIntendedChannels } from "@/lib/evaluate/intent/intendedChannels";

type Row = {
  id: string;
  fqdn: string;
  last_seen_at: Date;
  channel: string | null;
  product_key_channel: string | null;
  license_status: string | null;
  grace_remaining_min: number | null;
  expires_at: Date | null;
  notification_reason: string | null;
  kms_host: string | null;
  kms_port: number | null;
  cmid: string | null;
  rq_at: Date | null;
  rq_hresult: string | null;
  rq_host: string | null;
  rq_port: number | null;
  rq_answered: boolean | null;
  rs_at: Date | null;
  rs_hresult: string | null;
  rs_activated: boolean | null;
  rs_count: number | null;
  rs_min: number | null;
  renewal_at: Date | null;
  pr_srv_found: boolean | null;
  pr_tcp_ok: boolean | null;
  pr_host: string | null;
  pr_port: number | null;
  cmid_machines: number | null;
  clock_ahead_ms: number | null;
};

/** Facts of every client, or only of the given machines. */
export async function getClientFacts(now: Date, filter: { machineIds?: readonly string[] } = {}): Promise<ClientFacts[]> {
  const ids = filter.machineIds ? [...filter.machineIds] : null;
  // The fleet-wide evaluation reads one row per client (100k): through the pool (see queryRows); the latest
  // Windows state and the latest request, response, renewal and probe from the rows ingest keeps (not 100k
  // snapshots fetched from a heap of millions, nor five index probes per client into the events);
  // unsorted (getFindings sorts the findings, and sorting 100k rows of facts spilled to disk).
  const rows = await queryRows<Row>(Prisma.sql`
    SELECT m.id, m.fqdn, m.last_seen_at, l.channel, l.product_key_channel, l.license_status, l.grace_remaining_min,
           l.expires_at, l.notification_reason, l.kms_host, l.kms_port, l.cmid,
           f.request_at AS rq_at, f.request_hresult AS rq_hresult, f.request_host AS rq_host, f.request_port AS rq_port,
           f.request_answered AS rq_answered, f.response_at AS rs_at, f.response_hresult AS rs_hresult,
           f.response_activated AS rs_activated, f.response_host_count AS rs_count, f.response_min_count AS rs_min,
           f.renewal_at, f.probe_srv_found AS pr_srv_found, f.probe_tcp_ok AS pr_tcp_ok, f.probe_host AS pr_host,
           f.probe_port AS pr_port, m.clock_ahead_ms,
           CASE WHEN l.cmid IS NULL THEN NULL ELSE greatest(coalesce(d.n, 0), 1) END::int AS cmid_machines
      FROM machine m
      LEFT JOIN machine_windows_state l ON l.machine_id = m.id
      LEFT JOIN machine_activation_facts f ON f.machine_id = m.id
      -- Machines sharing the CMID, counted only for the CMIDs ingest flagged as duplicates (storeSightings.ts).
      LEFT JOIN LATERAL (
        SELECT count(DISTINCT s.machine) AS n FROM cmid_sighting s
         WHERE s.cmid = lower(l.cmid) AND EXISTS (SELECT 1 FROM duplicate_cmid x WHERE x.cmid = lower(l.cmid))) d ON true
     WHERE m.role = 'client' AND (${ids}::uuid[] IS NULL OR m.id = ANY(${ids}::uuid[]))`);
  const approved = (await getApprovedHosts()).map((h) => h.host);
  const intended = await listIntendedChannels();
  return mapYielding(rows, (r) => {
    const kmsHost = r.kms_host ?? r.rq_host;
    return {
      machineId: r.id,
      fqdn: r.fqdn,
      channel: r.channel,
      productKeyChannel: r.product_key_channel,
      licenseStatus: licenseStatusSchema.safeParse(r.license_status).data ?? null,
      intendedChannel:
        intendedEntryFor(intended, { fqdn: r.fqdn, channel: r.channel, productKeyChannel: r.product_key_channel })?.description ?? null,
      // An unchanged snapshot is stored once: the minutes it reported then are counted down to now.
      graceRemainingMin: r.expires_at ? Math.max(0, Math.round((r.expires_at.getTime() - now.getTime()) / 60_000)) : r.grace_remaining_min,
      expiresAt: isoOrNull(r.expires_at),
      notificationReason: r.notification_reason,
      kmsHost,
      kmsPort: r.kms_port ?? r.rq_port,
      kmsHostApproved: isApproved(approved, kmsHost),
      cmid: r.cmid,
      cmidMachines: r.cmid_machines,
      clockAheadMs: r.clock_ahead_ms,
      lastCheckInAt: r.last_seen_at.toISOString(),
      lastRenewalAt: isoOrNull(r.renewal_at),
      lastRequest: r.rq_at
        ? { at: r.rq_at.toISOString(), hresult: r.rq_hresult, kmsHost: r.rq_host, kmsPort: r.rq_port, answered: r.rq_answered ?? false }
        : null,
      lastResponse: r.rs_at
        ? { at: r.rs_at.toISOString(), hresult: r.rs_hresult, activated: r.rs_activated, hostCurrentCount: r.rs_count, minCount: r.rs_min }
        : null,
      probe:
        r.pr_srv_found === null
          ? null
          : { dnsSrvFound: r.pr_srv_found, tcpReachable: r.pr_tcp_ok, target: r.pr_host ? `${r.pr_host}:${r.pr_port ?? 1688}` : null },
    } satisfies ClientFacts;
  });
}
