// One machine's products in 2026 terms, Windows and Office apart: what each is, how it is activated (KMS and
// which host, ADBA and which activation object, MAK, retail, OEM), its status and expiry, whether its KMS host's
// key covers it, and the channel-drift findings.
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { activationTypeLabels, activationTypeOf } from "@/lib/kms/activationType";
import { coverageOf } from "@/lib/kms/coverage";
import { identifyProduct, parseOsVersion, productFamily } from "@/lib/kms/productIdentity";
import { compareFindings } from "@/lib/evaluate/rules";
import { clientDriftRules } from "@/lib/evaluate/rules/activation2026Rules";
import { getHostStates } from "@/lib/read/activation2026/hostState";
import type { ClientActivation2026 } from "@/lib/read/contract/activation2026";

export type { ClientActivation2026 } from "@/lib/read/contract/activation2026";

type ProductRow = {
  fqdn: string;
  product_key: string;
  application_id: string | null;
  name: string | null;
  channel: string | null;
  product_key_channel: string | null;
  license_status: string | null;
  expires_at: Date | null;
  kms_host: string | null;
  service_version: string | null;
  hresult: string | null;
  ad_object: string | null;
  configured: string | null;
  app_rearm: number | null;
};

export async function getClientActivation2026(machineId: string): Promise<ClientActivation2026> {
  const rows = await queryRows<ProductRow>(Prisma.sql`
    SELECT DISTINCT ON (s.product_key) m.fqdn, s.product_key, s.application_id, s.name, s.channel, s.product_key_channel,
           s.license_status, s.expires_at, s.kms_host, s.service_version, s.parsed->>'hresult' AS hresult,
           s.parsed->>'adActivationObjectName' AS ad_object, s.parsed->>'configuredActivationType' AS configured,
           (s.parsed->>'remainingAppRearmCount')::int AS app_rearm
      FROM machine m JOIN snapshot s ON s.machine_id = m.id JOIN snapshot_seen ss ON ss.snapshot_id = s.id
     WHERE m.id = ${machineId}::uuid
       AND ss.last_seen_at >= (SELECT max(xs.last_seen_at) FROM snapshot x JOIN snapshot_seen xs ON xs.snapshot_id = x.id
                                WHERE x.machine_id = m.id) - interval '1 day'
     ORDER BY s.product_key, ss.last_seen_at DESC, (s.source = 'cim') DESC`);
  const first = rows[0];
  if (!first) {
    const exists = await queryRows(Prisma.sql`SELECT 1 FROM machine WHERE id = ${machineId}::uuid`);
    if (exists.length === 0) throw new ApiError("not_found", "no such machine", "id");
  }
  const hostNames = [...new Set(rows.map((r) => r.kms_host).filter((h): h is string => h !== null))];
  const [hostIds, [fleet]] = await Promise.all([
    hostNames.length
      ? queryRows<{ id: string }>(Prisma.sql`SELECT id FROM machine WHERE role = 'kms_host' AND fqdn = ANY(${hostNames}::text[])`)
      : Promise.resolve([]),
    queryRows<{ hosts: boolean; ad_objects: { name: string; build: string; ao: string }[] | null }>(Prisma.sql`
      SELECT EXISTS (SELECT 1 FROM machine WHERE role = 'kms_host') AS hosts,
             (SELECT json_agg(DISTINCT jsonb_build_object('name', s.name, 'build', split_part(s.service_version, '.', 3), 'ao', s.parsed->>'adActivationObjectName'))
                FROM machine_windows_state ws JOIN snapshot s ON s.id = ws.snapshot_id
               WHERE s.parsed->>'adActivationObjectName' IS NOT NULL) AS ad_objects`),
  ]);
  const hosts = hostIds.length ? await getHostStates(hostIds.map((h) => h.id)) : [];
  const adObjects = fleet?.ad_objects ?? [];
  const products = rows
    .filter((r) => productFamily({ applicationId: r.application_id, name: r.name }) !== null)
    .map((r) => {
      const family = productFamily({ applicationId: r.application_id, name: r.name }) ?? "windows";
      const product = identifyProduct({ applicationId: r.application_id, name: r.name, serviceVersion: r.service_version });
      const activationType = activationTypeOf({
        channel: r.channel,
        productKeyChannel: r.product_key_channel,
        configuredActivationType: r.configured,
        adActivationObjectName: r.ad_object,
        kmsHost: r.kms_host,
      });
      const host = hosts.find((h) => h.fqdn === r.kms_host) ?? null;
      const coverage = activationType === "kms" && host && product ? { host: host.fqdn, ...coverageOf(host.keys, product) } : null;
      const build = String(parseOsVersion(r.service_version)?.build ?? "");
      const ao = adObjects.find((a) => a.name === r.name && a.build === build)?.ao ?? null;
      const facts = {
        machineId,
        fqdn: r.fqdn,
        activationType,
        productName: product?.name ?? r.name,
        licenseStatus: r.license_status,
        configuredActivationType: r.configured,
        kmsHost: r.kms_host,
        volumeFleet: fleet?.hosts === true || adObjects.length > 0,
        adObjectForProduct: ao,
      };
      const findings = clientDriftRules
        .map((rule) => rule(facts))
        .filter((f) => f !== null)
        .sort(compareFindings);
      return {
        family,
        productKey: r.product_key,
        name: r.name,
        product,
        activationType,
        activationTypeLabel: activationTypeLabels[activationType],
        kmsHost: r.kms_host,
        adObject: r.ad_object,
        configuredActivationType: r.configured,
        licenseStatus: r.license_status,
        expiresAt: r.expires_at?.toISOString() ?? null,
        hresult: r.hresult,
        remainingAppRearmCount: family === "office" ? r.app_rearm : null,
        coverage,
        findings,
      };
    });
  return {
    machineId,
    windows: products.filter((p) => p.family === "windows"),
    office: products.filter((p) => p.family === "office"),
  };
}
