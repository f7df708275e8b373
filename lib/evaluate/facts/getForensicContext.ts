// What the alert evaluation needs of the rogue-host forensics (issue #21): the facts of the host names that
// concern the machines evaluated, and the ePID each of their clients holds now. Kept cheap: a scoped pass (after
// an ingest) reads only the names those machines are or use; the fleet pass reads every name once (the /audit
// query) but the clients of only the names that can give a client a finding.
import { db } from "@/lib/core/db";
import { getApprovedHosts, isApproved } from "@/lib/access/admin/getApprovedHosts";
import { shortHostName } from "@/lib/kms/hostNames";
import { getEpidForensicFacts } from "@/lib/evaluate/facts/getEpidForensicFacts";
import { namesConcerningClients, type ReceivedEpid } from "@/lib/evaluate/rules/forensicFindings";
import type { HostForensicFacts } from "@/lib/evaluate/rules/forensicTypes";

/** Whether an agent runs under this name: the same FQDN, or the same short name when one side has none. */
function isAgentName(agentFqdns: readonly string[], name: string): boolean {
  const short = shortHostName(name);
  return agentFqdns.some(
    (fqdn) => fqdn === name || (!name.includes(".") && shortHostName(fqdn) === name) || (!fqdn.includes(".") && fqdn === short),
  );
}

export type ForensicContext = { hosts: HostForensicFacts[]; received: ReceivedEpid[] };

/** A ReceivedEpid as the query gives it: its sightings as dates, the last one null when neither row has it. */
type ReceivedRow = Omit<ReceivedEpid, "firstSeenAt" | "lastSeenAt"> & { first_seen: Date; last_seen: Date | null };

/** The newest ePID per client and product family of the given clients (lower-case FQDNs). */
async function receivedEpids(now: Date, clients: string[]): Promise<ReceivedEpid[]> {
  if (clients.length === 0) return [];
  // By client_idx, then each snapshot by its key (measured among 150k clients: 0.1 ms for 2, 46 ms for 300).
  const rows = await db().$queryRaw<ReceivedRow[]>`
    SELECT DISTINCT ON (e.client, e.family) e.client, e.family, e.host, e.epid, e.ip, e.licensed,
           e.first_seen_at AS first_seen, GREATEST(e.last_seen_at, s.last_seen_at) AS last_seen
      FROM kms_epid_sighting e LEFT JOIN snapshot_seen s ON s.snapshot_id = e.snapshot_id
     WHERE e.client = ANY(${clients}::text[]) AND e.first_seen_at <= ${now}
     ORDER BY e.client, e.family, GREATEST(e.last_seen_at, s.last_seen_at) DESC, e.first_seen_at DESC`;
  return rows.map(({ first_seen, last_seen, ...received }) => ({
    ...received,
    firstSeenAt: first_seen.toISOString(),
    lastSeenAt: (last_seen ?? first_seen).toISOString(),
  }));
}

/**
 * Clients that received an ePID from one of the names (the primary key's host prefix, index only). Two steps on
 * purpose: as one statement with `client IN (...)` the planner hashed the whole snapshot table (0.5 s at 150k clients).
 */
async function clientsOf(hosts: string[]): Promise<string[]> {
  if (hosts.length === 0) return [];
  const rows = await db().$queryRaw<{ client: string }[]>`
    SELECT DISTINCT client FROM kms_epid_sighting WHERE host = ANY(${hosts}::text[])`;
  return rows.map((r) => r.client);
}

/** The whole fleet (no machineIds), or the given machines: KMS hosts by their names, clients by what they hold. */
export async function getForensicContext(now: Date, machineIds?: readonly string[]): Promise<ForensicContext> {
  if (!machineIds) {
    const hosts = await getEpidForensicFacts(now);
    return { hosts, received: await receivedEpids(now, await clientsOf(namesConcerningClients(hosts, now))) };
  }
  if (machineIds.length === 0) return { hosts: [], received: [] };
  const machines = await db().$queryRaw<{ fqdn: string; role: string }[]>`
    SELECT fqdn, role::text AS role FROM machine WHERE id = ANY(${[...machineIds]}::uuid[])`;
  const received = await receivedEpids(
    now,
    machines.filter((m) => m.role === "client").map((m) => m.fqdn.toLowerCase()),
  );
  // A KMS host is named by clients with its FQDN or its short name (/skms kms01): both lead to its agent.
  const hostNames = machines
    .filter((m) => m.role === "kms_host")
    .flatMap((m) => [m.fqdn.toLowerCase(), shortHostName(m.fqdn.toLowerCase())]);
  // A name a host's agent runs under gives its clients no finding (its signals are the host's own, evaluated with
  // it): skipped here, so a check-in does not aggregate every sighting of a big genuine host (250 ms at 7k clients).
  // Unless it is unapproved: client-unapproved-host's evidence then gives its activation count.
  const [agents, approved] = await Promise.all([
    db().$queryRaw<{ fqdn: string }[]>`SELECT fqdn FROM machine WHERE role = 'kms_host'`,
    getApprovedHosts(),
  ]);
  const agentNames = agents.map((a) => a.fqdn.toLowerCase());
  const approvedNames = approved.map((a) => a.host);
  const clientNames = received
    .map((r) => r.host)
    .filter((name) => !isAgentName(agentNames, name) || isApproved(approvedNames, name) === false);
  const names = [...new Set([...hostNames, ...clientNames])];
  return { hosts: names.length > 0 ? await getEpidForensicFacts(now, { hosts: names }) : [], received };
}
