// Which KMS host ePID a client received from which host name, and whether it matches what that host reports.
import "server-only";
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import { getHostForensics } from "@/lib/read/audit/getHostForensics";
import type { Verdict } from "@/lib/evaluate/rules/forensicTypes";
import type { ClientEpids } from "@/lib/read/contract/clients";

export type { ClientEpids } from "@/lib/read/contract/clients";

type Row = { host: string; family: string; epid: string; ip: string | null; licensed: boolean; first_seen: Date; last_seen: Date };

export async function getClientEpids(machineId: string, now: Date): Promise<ClientEpids> {
  const [machine] = await db().$queryRaw<{ fqdn: string }[]>`SELECT fqdn FROM machine WHERE id = ${machineId}::uuid`;
  if (!machine) throw new ApiError("not_found", "no such client", "id");
  const rows = await db().$queryRaw<Row[]>`
    SELECT e.host, e.family, e.epid, e.ip, e.licensed, e.first_seen_at AS first_seen, GREATEST(e.last_seen_at, s.last_seen_at) AS last_seen
      FROM kms_epid_sighting e LEFT JOIN snapshot_seen s ON s.snapshot_id = e.snapshot_id
     WHERE e.client = ${machine.fqdn.toLowerCase()}
     ORDER BY last_seen DESC, e.host, e.family`;
  const hosts = rows.length > 0 ? (await getHostForensics(now, { hosts: [...new Set(rows.map((r) => r.host))] })).hosts : [];
  const received = rows.map((r) => {
    const host = hosts.find((h) => h.host === r.host);
    const own = host?.ownEpids.filter((o) => o.family === r.family) ?? [];
    const match: "match" | "mismatch" | "unknown" =
      own.length === 0 ? "unknown" : own.some((o) => o.epid === r.epid) ? "match" : "mismatch";
    return {
      host: r.host,
      family: r.family,
      epid: r.epid,
      ip: r.ip,
      licensed: r.licensed,
      firstSeenAt: r.first_seen.toISOString(),
      lastSeenAt: (r.last_seen ?? r.first_seen).toISOString(),
      /** match: the host's own agent reports this ePID; mismatch: it reports another; unknown: no agent or no own ePID. */
      match,
      hostEpids: own.map((o) => o.epid),
      hostMachineId: host?.machineId ?? null,
      hostVerdict: (host?.verdict ?? "no-evidence") as Verdict,
    };
  });
  return { client: machine.fqdn, received };
}
