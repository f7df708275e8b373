// Per-host breakdown: the clients a KMS host served in the last 30 days, from its 12290 events.
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { describeHresult } from "@/lib/kms/hresults";
import { editionName } from "@/lib/kms/editions";
import { z } from "zod";
import { DAY_MS } from "@/lib/queries/shared";

/** The first `limit` clients (by name) are sent; the summary and the total always cover all of them. */
export const hostClientsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(5000).default(100) });
export type HostClientsQuery = z.infer<typeof hostClientsQuerySchema>;

type Row = {
  client_fqdn: string; cmid: string | null; activation_id: string | null; min_count: number | null;
  license_status: string | null; is_vm: boolean | null; hresult: string | null; last_at: Date; requests: number;
};

export async function getHostClients(machineId: string, now: Date, { limit }: HostClientsQuery = { limit: 100 }) {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  // Up to 5,000 rows: read through the pool (see queryRows).
  const rows = await queryRows<Row>(Prisma.sql`
    SELECT DISTINCT ON (e.client_fqdn) e.client_fqdn, e.cmid, e.activation_id, e.min_count, e.license_status, e.is_vm,
           e.hresult, e.time_created AS last_at, (count(*) OVER (PARTITION BY e.client_fqdn))::int AS requests
      FROM activation_event e
     WHERE e.machine_id = ${machineId}::uuid AND e.event_id = 12290 AND e.client_fqdn IS NOT NULL AND e.time_created > ${since}
     ORDER BY e.client_fqdn, e.time_created DESC
     LIMIT 5000`);
  const toClient = (r: Row) => ({
    clientFqdn: r.client_fqdn, cmid: r.cmid, activationId: r.activation_id, edition: editionName(r.activation_id),
    minCount: r.min_count, licenseStatus: r.license_status, isVm: r.is_vm, hresult: r.hresult,
    hresultMeaning: describeHresult(r.hresult)?.meaning ?? null, lastRequestAt: r.last_at.toISOString(), requests: r.requests,
  });
  // A big host serves thousands of clients: the summary covers them all, the list only the rows asked for,
  // so the page stays light (the whole list is 1.7 MB at 5,000 clients).
  const groups = new Map<string, { activationId: string | null; edition: string | null; minCount: number | null; clients: number; vms: number; failing: number }>();
  for (const r of rows) {
    const key = `${r.activation_id}|${r.min_count}`;
    const group = groups.get(key) ?? { activationId: r.activation_id, edition: editionName(r.activation_id), minCount: r.min_count, clients: 0, vms: 0, failing: 0 };
    group.clients += 1;
    if (r.is_vm) group.vms += 1;
    if (r.hresult && r.hresult !== "0x00000000") group.failing += 1;
    groups.set(key, group);
  }
  const clients = rows.slice(0, limit).map(toClient);
  return { total: rows.length, clients, groups: [...groups.values()].sort((a, b) => b.clients - a.clients) };
}
export type HostClients = Awaited<ReturnType<typeof getHostClients>>;
