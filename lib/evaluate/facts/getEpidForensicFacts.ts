// Facts of the rogue-host forensics, per KMS host name: the ePIDs clients received under it (kms_epid_sighting,
// kept by ingest), what the agent on a host of that name reports about itself, and how many clients use it.
import { db } from "@/lib/core/db";
import { isoOrNull } from "@/lib/core/sql";
import { getApprovedHosts, isApproved } from "@/lib/access/admin/getApprovedHosts";
import { productFamily } from "@/lib/kms/appIds";
import { buildFromVersion } from "@/lib/kms/epid";
import { shortHostName } from "@/lib/kms/hostNames";
import type { HostForensicFacts, ServedEpid } from "@/lib/evaluate/rules/forensicTypes";

type HostRow = { id: string; fqdn: string; application_id: string | null; epid: string | null; version: string | null; since: Date | null };
type ServedRow = {
  host: string;
  family: string;
  epid: string;
  clients: number;
  licensed: number;
  first_seen: Date;
  last_seen: Date;
  ips: string[];
  client_sample: string[];
};
const CLIENT_SAMPLE = 20;

/** The agent's machine for a name clients use: the same FQDN, or the same short name when one side has none. */
function agentFor(hosts: Map<string, HostRow[]>, name: string): HostRow[] | undefined {
  const exact = hosts.get(name);
  if (exact) return exact;
  const short = shortHostName(name);
  for (const [fqdn, rows] of hosts)
    if ((!name.includes(".") && shortHostName(fqdn) === name) || (!fqdn.includes(".") && fqdn === short)) return rows;
  return undefined;
}

/** Facts of every host name seen, or of the given names only (lower case). */
export async function getEpidForensicFacts(now: Date, filter: { hosts?: readonly string[] } = {}): Promise<HostForensicFacts[]> {
  const names = filter.hosts ? [...filter.hosts] : null;
  const [hostRows, served, counts, approvedList] = await Promise.all([
    db().$queryRaw<HostRow[]>`
      SELECT m.id, m.fqdn, x.application_id, x.epid, x.version,
             (SELECT min(o.collected_at) FROM snapshot o
               WHERE o.machine_id = m.id AND o.is_kms_host AND o.product_key = x.product_key AND o.parsed->>'extendedPid' = x.epid) AS since
        FROM machine m
        LEFT JOIN LATERAL (
          SELECT DISTINCT ON (s.product_key) s.product_key, s.application_id, s.parsed->>'extendedPid' AS epid, s.service_version AS version
            FROM snapshot s
           WHERE s.machine_id = m.id AND s.is_kms_host AND s.product_key_channel = 'Volume:CSVLK' AND s.collected_at <= ${now}
           ORDER BY s.product_key, s.collected_at DESC) x ON true
       WHERE m.role = 'kms_host'`,
    db().$queryRaw<ServedRow[]>`
      SELECT e.host, e.family, e.epid, count(*)::int AS clients, (count(*) FILTER (WHERE e.licensed))::int AS licensed,
             min(e.first_seen_at) AS first_seen, max(GREATEST(e.last_seen_at, s.last_seen_at)) AS last_seen,
             coalesce(array_agg(DISTINCT e.ip) FILTER (WHERE e.ip IS NOT NULL), '{}') AS ips,
             (array_agg(e.client ORDER BY e.client))[1:${CLIENT_SAMPLE}] AS client_sample
        FROM kms_epid_sighting e LEFT JOIN snapshot_seen s ON s.snapshot_id = e.snapshot_id
       WHERE (${names}::text[] IS NULL OR e.host = ANY(${names}::text[])) AND e.first_seen_at <= ${now}
       GROUP BY 1, 2, 3
       ORDER BY 1, 2, min(e.first_seen_at)`,
    db().$queryRaw<{ host: string; clients: number; activated: number }[]>`
      SELECT coalesce(c.host, a.host) AS host, coalesce(c.clients, 0)::int AS clients, coalesce(a.activated, 0)::int AS activated
        FROM (SELECT host, clients FROM kms_host_client_count WHERE ${names}::text[] IS NULL OR host = ANY(${names}::text[])) c
        FULL JOIN (SELECT host, count(DISTINCT client) FILTER (WHERE licensed) AS activated FROM kms_epid_sighting
                    WHERE ${names}::text[] IS NULL OR host = ANY(${names}::text[]) GROUP BY host) a ON a.host = c.host`,
    getApprovedHosts(),
  ]);
  const hosts = new Map<string, HostRow[]>();
  for (const r of hostRows) hosts.set(r.fqdn.toLowerCase(), [...(hosts.get(r.fqdn.toLowerCase()) ?? []), r]);
  const servedBy = new Map<string, ServedEpid[]>();
  for (const r of served) {
    const row: ServedEpid = {
      family: r.family,
      epid: r.epid,
      clients: r.clients,
      licensedClients: r.licensed,
      firstSeenAt: r.first_seen.toISOString(),
      lastSeenAt: isoOrNull(r.last_seen) ?? r.first_seen.toISOString(),
      ips: [...r.ips].sort(),
      clientSample: r.client_sample ?? [],
    };
    servedBy.set(r.host, [...(servedBy.get(r.host) ?? []), row]);
  }
  const countBy = new Map(counts.map((c) => [c.host, c]));
  const all = new Set<string>([...servedBy.keys(), ...countBy.keys()]);
  if (names) {
    // A name nobody reported is a subject only when it is an agent's own FQDN (a host page before any client).
    for (const n of names) if (hosts.has(n)) all.add(n);
  } else {
    // Hosts with an agent that no client names yet are subjects too (their own ePID can still be implausible).
    const named = new Set([...all].map((n) => agentFor(hosts, n)?.[0]?.fqdn.toLowerCase()));
    for (const fqdn of hosts.keys()) if (!named.has(fqdn)) all.add(fqdn);
  }
  const approvedNames = approvedList.map((a) => a.host);
  return [...all].sort().map((host): HostForensicFacts => {
    const agent = agentFor(hosts, host);
    const own = (agent ?? []).filter((r) => r.epid !== null && r.epid.trim() !== "");
    return {
      host,
      machineId: agent?.[0]?.id ?? null,
      approved: isApproved(approvedNames, host),
      osBuild: buildFromVersion(agent?.find((r) => r.version !== null)?.version),
      ownEpids: own.map((r) => ({ family: productFamily(r.application_id), epid: (r.epid ?? "").trim(), since: isoOrNull(r.since) })),
      served: servedBy.get(host) ?? [],
      clientsReporting: countBy.get(host)?.clients ?? 0,
      activatedClients: countBy.get(host)?.activated ?? 0,
    };
  });
}
