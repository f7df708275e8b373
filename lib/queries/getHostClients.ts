// Per-host breakdown: the clients a KMS host served in the last 30 days, from its 12290 events.
import { db } from "@/lib/db";
import { describeHresult } from "@/lib/kms/hresults";
import { editionName } from "@/lib/kms/editions";
import { DAY_MS } from "@/lib/queries/shared";

type Row = {
  client_fqdn: string; cmid: string | null; activation_id: string | null; min_count: number | null;
  license_status: string | null; is_vm: boolean | null; hresult: string | null; last_at: Date; requests: number;
};

export async function getHostClients(machineId: string, now: Date) {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const rows = await db().$queryRaw<Row[]>`
    SELECT DISTINCT ON (e.client_fqdn) e.client_fqdn, e.cmid, e.activation_id, e.min_count, e.license_status, e.is_vm,
           e.hresult, e.time_created AS last_at, (count(*) OVER (PARTITION BY e.client_fqdn))::int AS requests
      FROM activation_event e
     WHERE e.machine_id = ${machineId}::uuid AND e.event_id = 12290 AND e.client_fqdn IS NOT NULL AND e.time_created > ${since}
     ORDER BY e.client_fqdn, e.time_created DESC
     LIMIT 5000`;
  const clients = rows.map((r) => ({
    clientFqdn: r.client_fqdn, cmid: r.cmid, activationId: r.activation_id, edition: editionName(r.activation_id),
    minCount: r.min_count, licenseStatus: r.license_status, isVm: r.is_vm, hresult: r.hresult,
    hresultMeaning: describeHresult(r.hresult)?.meaning ?? null, lastRequestAt: r.last_at.toISOString(), requests: r.requests,
  }));
  const groups = new Map<string, { activationId: string | null; edition: string | null; minCount: number | null; clients: number; vms: number; failing: number }>();
  for (const c of clients) {
    const key = `${c.activationId}|${c.minCount}`;
    const group = groups.get(key) ?? { activationId: c.activationId, edition: c.edition, minCount: c.minCount, clients: 0, vms: 0, failing: 0 };
    group.clients += 1;
    if (c.isVm) group.vms += 1;
    if (c.hresult && c.hresult !== "0x00000000") group.failing += 1;
    groups.set(key, group);
  }
  return { clients, groups: [...groups.values()].sort((a, b) => b.clients - a.clients) };
}
export type HostClients = Awaited<ReturnType<typeof getHostClients>>;
