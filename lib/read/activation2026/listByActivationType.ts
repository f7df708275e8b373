// Machines whose current Windows product is activated a given way (the clients page's activation-type filter).
// The groups that classify as that type are found with the same pure function as the counts, so a filter
// never disagrees with the count it was clicked from.
import "server-only";
import { z } from "zod";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { activationTypes } from "@/lib/kms/activationType";
import { getProductGroups } from "@/lib/read/activation2026/fleetProducts";
import type { ActivationTypeList } from "@/lib/read/contract/activation2026";

export type { ActivationTypeList } from "@/lib/read/contract/activation2026";

export const activationTypeQuerySchema = z.object({
  type: z.enum(activationTypes),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type ActivationTypeQuery = z.infer<typeof activationTypeQuerySchema>;

type Row = {
  id: string;
  fqdn: string;
  role: string;
  name: string | null;
  license_status: string | null;
  kms_host: string | null;
  ad_object: string | null;
};

export async function listByActivationType(now: Date, { type, limit }: ActivationTypeQuery): Promise<ActivationTypeList> {
  const groups = (await getProductGroups(now)).filter((g) => g.family === "windows" && g.activationType === type);
  const keys = [...new Map(groups.map((g) => [JSON.stringify(g.key), g.key])).values()];
  const total = groups.reduce((n, g) => n + g.machines, 0);
  if (keys.length === 0) return { type, total, rows: [] };
  const rows = await queryRows<Row>(Prisma.sql`
    SELECT m.id, m.fqdn, m.role::text AS role, s.name, s.license_status, s.kms_host, s.parsed->>'adActivationObjectName' AS ad_object
      FROM machine m JOIN machine_windows_state ws ON ws.machine_id = m.id JOIN snapshot s ON s.id = ws.snapshot_id
     WHERE m.role IN ('client', 'kms_host')
       AND (coalesce(s.channel, ''), coalesce(s.product_key_channel, ''), (s.parsed->>'adActivationObjectName') IS NOT NULL,
            coalesce(s.parsed->>'configuredActivationType', '')) IN (
         SELECT * FROM unnest(${keys.map((k) => k.channel ?? "")}::text[], ${keys.map((k) => k.productKeyChannel ?? "")}::text[],
                              ${keys.map((k) => k.hasAdObject)}::boolean[], ${keys.map((k) => k.configured ?? "")}::text[]))
     ORDER BY m.fqdn LIMIT ${limit}`);
  return {
    type,
    total,
    rows: rows.map((r) => ({
      id: r.id,
      fqdn: r.fqdn,
      role: r.role,
      product: r.name,
      licenseStatus: r.license_status,
      kmsHost: r.kms_host,
      adObject: r.ad_object,
    })),
  };
}
