// The fleet in 2026 terms: how many KMS hosts are ready for hardware-secured activation (and which must change
// hardware, with the fix per reason), which client products the hosts cover (a product no host covers is
// critical), and how machines are activated (KMS, ADBA, MAK, retail, OEM) for Windows and Office.
import "server-only";
import { productCoverage } from "@/lib/kms/fleetCoverage";
import { activationTypes, type ActivationType } from "@/lib/kms/activationType";
import { notReadyReasons, reasonText } from "@/lib/kms/hardwareSecured";
import { hostOsNames } from "@/lib/kms/hostKeyCoverage";
import { adObjectsByProduct, getProductGroups } from "@/lib/read/activation2026/fleetProducts";
import { getHostStates } from "@/lib/read/activation2026/hostState";
import type { FleetActivation2026 } from "@/lib/read/contract/activation2026";

export type { FleetActivation2026 } from "@/lib/read/contract/activation2026";

type Counts = Record<ActivationType, number>;
const zeroCounts = (): Counts => Object.fromEntries(activationTypes.map((t) => [t, 0])) as Counts;

export async function getFleetActivation2026(now: Date): Promise<FleetActivation2026> {
  const [hosts, groups] = await Promise.all([getHostStates(null), getProductGroups(now)]);

  const hostRows = hosts.map((h) => ({
    machineId: h.machineId,
    fqdn: h.fqdn,
    hostOs: h.keys.hostOs ? hostOsNames[h.keys.hostOs] : null,
    hostKey: h.keys.windowsKey?.name ?? h.keys.windowsChannel,
    readiness: h.readiness,
  }));
  const byReason = notReadyReasons.map((reason) => ({
    reason,
    ...reasonText[reason],
    hosts: hostRows.filter((h) => h.readiness.state === "not_ready" && h.readiness.reasons.includes(reason)).map((h) => h.fqdn),
  }));
  const hardwareSecured = {
    total: hosts.length,
    ready: hostRows.filter((h) => h.readiness.state === "ready").length,
    notReady: hostRows.filter((h) => h.readiness.state === "not_ready").length,
    unknown: hostRows.filter((h) => h.readiness.state === "unknown").length,
    mustChangeHardware: hostRows.filter((h) => h.readiness.state === "not_ready" && h.readiness.mustChangeHardware).map((h) => h.fqdn),
    byReason: byReason.filter((r) => r.hosts.length > 0),
    hosts: hostRows,
  };

  // Products activated by KMS in the fleet, against every host's key.
  const products = new Map<string, { product: NonNullable<(typeof groups)[number]["product"]>; machines: number }>();
  for (const g of groups) {
    if (g.activationType !== "kms" || g.product === null) continue;
    const entry = products.get(g.product.id) ?? { product: g.product, machines: 0 };
    entry.machines += g.machines;
    products.set(g.product.id, entry);
  }
  const coverage = [...products.values()]
    .map(({ product, machines }) => productCoverage(hosts, product, machines))
    .sort((a, b) => (a.severity === "critical" ? 0 : 1) - (b.severity === "critical" ? 0 : 1) || b.machines - a.machines);

  const activation = { windows: zeroCounts(), office: zeroCounts() };
  for (const g of groups) activation[g.family][g.activationType] += g.machines;
  const adObjects = [...new Set([...adObjectsByProduct(groups).values()])];

  return { hardwareSecured, coverage, activation, adObjects };
}
