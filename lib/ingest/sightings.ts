// Who reported which CMID through which KMS host, and which KMS host each client uses: the rows the
// duplicate-CMID page and the host audit read, derived from one batch. Pure.
import { normalizeHostName } from "@/lib/kms/hostNames";
import type { PreparedEvent, PreparedSnapshot } from "@/lib/ingest/prepare";

export type CmidSightingRow = { cmid: string; machine: string; kmsHost: string; at: string };
export type HostSightingRow = { host: string; source: string; client: string; at: string };

export const hostSightingSources = {
  registered: "client registered (/skms)",
  dns: "client DNS discovery",
  request: "client 12288 request",
} as const;

/** Sightings of one machine's batch: its events, and the snapshots that were stored as new. */
export function sightingsOf(
  machineFqdn: string,
  events: readonly PreparedEvent[],
  newSnapshots: readonly PreparedSnapshot[],
  collectedAt: Date,
): { cmids: CmidSightingRow[]; hosts: HostSightingRow[] } {
  const machine = machineFqdn.toLowerCase();
  const cmids: CmidSightingRow[] = [];
  const hosts: HostSightingRow[] = [];
  for (const { event } of events) {
    const cmid = event.cmid?.toLowerCase();
    if (event.eventId === 12290 && cmid && event.clientFqdn) {
      cmids.push({ cmid, machine: event.clientFqdn.toLowerCase(), kmsHost: machine, at: event.timeCreated });
    }
    if (event.eventId === 12288) {
      const host = normalizeHostName(event.kmsHost);
      if (cmid) cmids.push({ cmid, machine, kmsHost: host ?? "", at: event.timeCreated });
      if (host) hosts.push({ host, source: hostSightingSources.request, client: machine, at: event.timeCreated });
    }
  }
  const at = collectedAt.toISOString();
  for (const { product } of newSnapshots) {
    if (product.isKmsHost) continue;
    const host = normalizeHostName(product.kmsHost);
    if (product.cmid) cmids.push({ cmid: product.cmid.toLowerCase(), machine, kmsHost: host ?? "", at });
    if (host) {
      const source = product.kmsHostSource === "registered" ? hostSightingSources.registered : hostSightingSources.dns;
      hosts.push({ host, source, client: machine, at });
    }
  }
  return { cmids, hosts };
}
