// The client products that asked a KMS host in the last 30 days (its 12290 events), each named from the
// client's own snapshot of that activation ID, else from any machine of the fleet reporting that activation ID.
import "server-only";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { DAY_MS } from "@/lib/core/time";
import { identifyProduct } from "@/lib/kms/productIdentity";
import type { AskedProduct } from "@/lib/read/contract/activation2026";

type RequestRow = {
  client_fqdn: string;
  cmid: string | null;
  activation_id: string | null;
  last_at: Date;
  last_hresult: string | null;
  refused_f042: number;
  name: string | null;
  application_id: string | null;
  service_version: string | null;
};
type FleetRow = { activation_id: string; name: string | null; application_id: string | null; service_version: string | null };

export type { AskedProduct } from "@/lib/read/contract/activation2026";

export async function getAskedProducts(hostId: string, now: Date): Promise<AskedProduct[]> {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const rows = await queryRows<RequestRow>(Prisma.sql`
    WITH req AS (
      SELECT e.client_fqdn, lower(e.activation_id) AS activation_id, max(e.time_created) AS last_at,
             (array_agg(e.hresult ORDER BY e.time_created DESC))[1] AS last_hresult,
             (array_agg(e.cmid ORDER BY e.time_created DESC))[1] AS cmid,
             count(*) FILTER (WHERE e.hresult = '0xC004F042')::int AS refused_f042
        FROM activation_event e
       WHERE e.machine_id = ${hostId}::uuid AND e.event_id = 12290 AND e.time_created > ${since} AND e.client_fqdn IS NOT NULL
       GROUP BY e.client_fqdn, lower(e.activation_id))
    SELECT req.*, s.name, s.application_id, s.service_version
      FROM req LEFT JOIN machine m ON m.fqdn = req.client_fqdn
      LEFT JOIN LATERAL (
        SELECT x.name, x.application_id, x.service_version FROM snapshot x JOIN snapshot_seen xs ON xs.snapshot_id = x.id
         WHERE x.machine_id = m.id AND lower(x.activation_id) = req.activation_id
         ORDER BY xs.last_seen_at DESC LIMIT 1) s ON true`);
  const unnamed = [...new Set(rows.filter((r) => r.name === null && r.activation_id).map((r) => r.activation_id as string))];
  const fleet = unnamed.length
    ? await queryRows<FleetRow>(Prisma.sql`
        SELECT DISTINCT ON (lower(activation_id)) lower(activation_id) AS activation_id, name, application_id, service_version
          FROM snapshot JOIN snapshot_seen ON snapshot_seen.snapshot_id = snapshot.id
         WHERE lower(activation_id) = ANY(${unnamed}::text[]) ORDER BY lower(activation_id), snapshot_seen.last_seen_at DESC`)
    : [];
  const fleetBy = new Map(fleet.map((f) => [f.activation_id, f]));
  const groups = new Map<string, AskedProduct & { cmidSet: Set<string> }>();
  for (const r of rows) {
    const facts = r.name !== null ? r : r.activation_id ? fleetBy.get(r.activation_id) : undefined;
    const product = facts
      ? identifyProduct({ applicationId: facts.application_id, name: facts.name, serviceVersion: facts.service_version })
      : null;
    const key = product ? `${product.family}:${product.id}` : `act:${r.activation_id ?? "none"}`;
    const g = groups.get(key) ?? {
      product,
      activationId: product ? null : r.activation_id,
      clients: 0,
      cmids: 0,
      lastAt: r.last_at.toISOString(),
      refusedNotCovered: 0,
      clientFqdns: [],
      cmidSet: new Set<string>(),
    };
    g.clients += 1;
    if (r.cmid) g.cmidSet.add(r.cmid);
    g.refusedNotCovered += r.refused_f042;
    if (r.last_at.toISOString() > g.lastAt) g.lastAt = r.last_at.toISOString();
    if (g.clientFqdns.length < 20) g.clientFqdns.push(r.client_fqdn);
    groups.set(key, g);
  }
  return [...groups.values()].map(({ cmidSet, ...g }) => ({ ...g, cmids: cmidSet.size })).sort((a, b) => b.clients - a.clients);
}
