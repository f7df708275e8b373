// Fleet-wide groups the 2026 views are computed from. Postgres groups the current products by the few columns
// the pure functions read (channel, key channel, AD object, name, build): a few dozen groups for 100k machines,
// each classified in TypeScript by the same functions the host and client pages use.
import "server-only";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { DAY_MS } from "@/lib/core/time";
import { OFFICE_APP_ID } from "@/lib/kms/appIds";
import { activationTypeOf, type ActivationType } from "@/lib/kms/activationType";
import { identifyProduct, type ClientProduct } from "@/lib/kms/productIdentity";

export type ProductGroupRow = {
  family: "windows" | "office";
  channel: string | null;
  product_key_channel: string | null;
  ad_object: string | null;
  configured: string | null;
  application_id: string | null;
  name: string | null;
  build: string | null;
  machines: number;
};

export type ProductGroup = {
  family: "windows" | "office";
  activationType: ActivationType;
  product: ClientProduct | null;
  adObject: string | null;
  configured: string | null;
  /** The columns the classification read: a machine matches a group when all four are equal. */
  key: { channel: string | null; productKeyChannel: string | null; hasAdObject: boolean; configured: string | null };
  machines: number;
};

// Windows: each machine's current state (machine_windows_state). Office: each machine's Office products seen
// in the last 30 days, newest snapshot per product.
const groupsSql = (since: Date) => Prisma.sql`
  SELECT 'windows' AS family, s.channel, s.product_key_channel, s.parsed->>'adActivationObjectName' AS ad_object,
         s.parsed->>'configuredActivationType' AS configured, s.application_id, s.name,
         split_part(s.service_version, '.', 3) AS build, count(*)::int AS machines
    FROM machine m JOIN machine_windows_state ws ON ws.machine_id = m.id JOIN snapshot s ON s.id = ws.snapshot_id
   WHERE m.role IN ('client', 'kms_host')
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  UNION ALL
  SELECT 'office', o.channel, o.product_key_channel, o.ad_object, o.configured, o.application_id, o.name, o.build, count(*)::int
    FROM (SELECT DISTINCT ON (s.machine_id, s.product_key) s.channel, s.product_key_channel,
                 s.parsed->>'adActivationObjectName' AS ad_object, s.parsed->>'configuredActivationType' AS configured,
                 s.application_id, s.name, split_part(s.service_version, '.', 3) AS build
            FROM snapshot s JOIN snapshot_seen ss ON ss.snapshot_id = s.id
           WHERE s.application_id = ${OFFICE_APP_ID} AND ss.last_seen_at > ${since}
           ORDER BY s.machine_id, s.product_key, ss.last_seen_at DESC) o
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;

export function toGroup(r: ProductGroupRow): ProductGroup {
  return {
    family: r.family,
    activationType: activationTypeOf({
      channel: r.channel,
      productKeyChannel: r.product_key_channel,
      configuredActivationType: r.configured,
      adActivationObjectName: r.ad_object,
      kmsHost: null,
    }),
    product: identifyProduct({ applicationId: r.application_id, name: r.name, serviceVersion: r.build ? `10.0.${r.build}` : null }),
    adObject: r.ad_object,
    configured: r.configured,
    key: { channel: r.channel, productKeyChannel: r.product_key_channel, hasAdObject: r.ad_object !== null, configured: r.configured },
    machines: r.machines,
  };
}

export async function getProductGroups(now: Date): Promise<ProductGroup[]> {
  const rows = await queryRows<ProductGroupRow>(groupsSql(new Date(now.getTime() - 30 * DAY_MS)));
  return rows.map(toGroup);
}

/** Product id -> the AD activation object that activates it somewhere in the fleet. */
export function adObjectsByProduct(groups: readonly ProductGroup[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const g of groups) if (g.activationType === "adba" && g.product && g.adObject) map.set(g.product.id, g.adObject);
  return map;
}
