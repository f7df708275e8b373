// What the 2026 views need of each KMS host: its current products (host keys, OS build, the hardware-secured
// sentence) and its latest TPM report, read once for one host or for all of them.
import "server-only";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { hostKeySetOf, type HostKeySet } from "@/lib/kms/coverage";
import { readinessOf, type Readiness, type TpmFacts } from "@/lib/kms/hardwareSecured";

type ProductRow = {
  machine_id: string;
  fqdn: string;
  application_id: string | null;
  name: string | null;
  channel: string | null;
  is_kms_host: boolean;
  service_version: string | null;
  hw: string | null;
  current_count: number | null;
};
type TpmRow = { machine_id: string; body: TpmFacts & { source?: string }; error: string | null; collected_at: Date };

export type HostState = {
  machineId: string;
  fqdn: string;
  keys: HostKeySet;
  sentence: "eligible" | "not_eligible" | null;
  tpm: (TpmFacts & { source: string | null; error: string | null; collectedAt: string }) | null;
  readiness: Readiness;
  /** Current count of the host's Office KMS host product, when it reports one (CIM). */
  officeCurrentCount: number | null;
};

// A machine's current products: the newest snapshot of each product, among those seen at its latest check-in.
const currentProducts = (hostIds: readonly string[] | null) => Prisma.sql`
  SELECT DISTINCT ON (s.machine_id, s.product_key) s.machine_id, m.fqdn, s.application_id, s.name, s.channel,
         s.is_kms_host, s.service_version, s.parsed->>'kmsHardwareSecured' AS hw, s.current_count
    FROM machine m JOIN snapshot s ON s.machine_id = m.id JOIN snapshot_seen ss ON ss.snapshot_id = s.id
   WHERE m.role = 'kms_host' ${hostIds ? Prisma.sql`AND m.id = ANY(${[...hostIds]}::uuid[])` : Prisma.empty}
     AND ss.last_seen_at >= (SELECT max(xs.last_seen_at) FROM snapshot x JOIN snapshot_seen xs ON xs.snapshot_id = x.id
                              WHERE x.machine_id = m.id) - interval '1 day'
   ORDER BY s.machine_id, s.product_key, ss.last_seen_at DESC, (s.source = 'cim') DESC`;

export async function getHostStates(hostIds: readonly string[] | null = null): Promise<HostState[]> {
  const [products, tpms, hosts] = await Promise.all([
    queryRows<ProductRow>(currentProducts(hostIds)),
    queryRows<TpmRow>(Prisma.sql`
      SELECT r.machine_id, r.body, r.error, r.collected_at FROM machine_report r JOIN machine m ON m.id = r.machine_id
       WHERE r.kind = 'tpm' AND m.role = 'kms_host' ${hostIds ? Prisma.sql`AND m.id = ANY(${[...hostIds]}::uuid[])` : Prisma.empty}`),
    queryRows<{ id: string; fqdn: string }>(Prisma.sql`
      SELECT id, fqdn FROM machine WHERE role = 'kms_host' ${hostIds ? Prisma.sql`AND id = ANY(${[...hostIds]}::uuid[])` : Prisma.empty}
       ORDER BY fqdn`),
  ]);
  const tpmBy = new Map(tpms.map((t) => [t.machine_id, t]));
  return hosts.map((h) => {
    const mine = products.filter((p) => p.machine_id === h.id);
    const keys = hostKeySetOf(
      mine.map((p) => ({
        applicationId: p.application_id,
        name: p.name,
        channel: p.channel,
        isKmsHost: p.is_kms_host,
        serviceVersion: p.service_version,
      })),
    );
    const hw = mine.map((p) => p.hw).find((v) => v === "eligible" || v === "not_eligible");
    const sentence = hw === "eligible" || hw === "not_eligible" ? hw : null;
    const t = tpmBy.get(h.id);
    const tpm: HostState["tpm"] = t
      ? {
          present: t.body.present ?? null,
          enabled: t.body.enabled ?? null,
          specVersion: t.body.specVersion ?? null,
          keyAttestation: t.body.keyAttestation ?? null,
          source: t.body.source ?? null,
          error: t.error,
          collectedAt: t.collected_at.toISOString(),
        }
      : null;
    const office = mine.find((p) => p.is_kms_host && (p.name ?? "").toLowerCase().startsWith("office"));
    return {
      machineId: h.id,
      fqdn: h.fqdn,
      keys,
      sentence,
      tpm,
      readiness: readinessOf({ sentence, tpm, hostOs: keys.hostOs }),
      officeCurrentCount: office?.current_count ?? null,
    };
  });
}
