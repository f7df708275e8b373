// Per-host breakdown: the clients a KMS host served in the last 30 days, each with its latest 12290 (the one definition
// of "clients served": lib/evaluate/facts/servedClients.ts).
import "server-only";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { describeHresult } from "@/lib/kms/hresults";
import { editionName } from "@/lib/kms/editions";
import { z } from "zod";
import { DAY_MS } from "@/lib/core/time";
import { clientIdsByFqdn } from "@/lib/read/hosts/clientIds";
import { servedClientsSince } from "@/lib/evaluate/facts/servedClients";
import type { HostClients } from "@/lib/read/contract/hosts";

export type { HostClients } from "@/lib/read/contract/hosts";

/** The first `limit` clients (by name) are sent; the summary and the total always cover all of them. */
export const hostClientsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(5000).default(100) });
export type HostClientsQuery = z.infer<typeof hostClientsQuerySchema>;

type ClientRow = {
  client_fqdn: string;
  cmid: string | null;
  activation_id: string | null;
  min_count: number | null;
  license_status: string | null;
  is_vm: boolean | null;
  hresult: string | null;
  last_at: Date;
  requests: number;
};
type GroupRow = { activation_id: string | null; min_count: number | null; clients: number; vms: number; failing: number };

export async function getHostClients(machineId: string, now: Date, { limit }: HostClientsQuery = { limit: 100 }): Promise<HostClients> {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  // A big host serves thousands of clients: the summary is aggregated in Postgres over all of them, the list
  // carries only the rows asked for (the whole list is 1.7 MB at 5,000 clients).
  const served = servedClientsSince(Prisma.sql`${machineId}::uuid`, since);
  const [rows, groupRows] = await Promise.all([
    // Each client's latest request as ingest keeps it; only the page's rows count their requests (an index range each).
    queryRows<ClientRow>(Prisma.sql`
      SELECT sc.client_fqdn, sc.cmid, sc.activation_id, sc.min_count, sc.license_status, sc.is_vm, sc.hresult,
             sc.last_request_at AS last_at,
             (SELECT count(*)::int FROM activation_event x
               WHERE x.machine_id = ${machineId}::uuid AND x.event_id = 12290 AND x.client_fqdn = sc.client_fqdn
                 AND x.time_created > ${since}) AS requests
        FROM host_served_client sc
       WHERE ${served}
       ORDER BY sc.client_fqdn
       LIMIT ${limit}`),
    queryRows<GroupRow>(Prisma.sql`
      SELECT sc.activation_id, sc.min_count, count(*)::int AS clients, count(*) FILTER (WHERE sc.is_vm)::int AS vms,
             count(*) FILTER (WHERE sc.hresult IS NOT NULL AND sc.hresult <> '0x00000000')::int AS failing
        FROM host_served_client sc
       WHERE ${served}
       GROUP BY sc.activation_id, sc.min_count
       ORDER BY clients DESC, sc.activation_id, sc.min_count`),
  ]);
  const clientIds = await clientIdsByFqdn(rows.map((r) => r.client_fqdn));
  const clients = rows.map((r) => ({
    clientFqdn: r.client_fqdn,
    clientId: clientIds.get(r.client_fqdn) ?? null,
    cmid: r.cmid,
    activationId: r.activation_id,
    edition: editionName(r.activation_id),
    minCount: r.min_count,
    licenseStatus: r.license_status,
    isVm: r.is_vm,
    hresult: r.hresult,
    hresultMeaning: describeHresult(r.hresult)?.meaning ?? null,
    lastRequestAt: r.last_at.toISOString(),
    requests: r.requests,
  }));
  const groups = groupRows.map((g) => ({
    activationId: g.activation_id,
    edition: editionName(g.activation_id),
    minCount: g.min_count,
    clients: g.clients,
    vms: g.vms,
    failing: g.failing,
  }));
  return { total: groups.reduce((n, g) => n + g.clients, 0), clients, groups };
}
