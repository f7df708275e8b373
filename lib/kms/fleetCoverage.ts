// Products of the fleet against every KMS host's key: covered by at least one host, or not (critical: those
// clients cannot activate anywhere), or unknown when a host whose key is known might cover it once an update is
// confirmed. Hosts that report no key at all are listed apart: they prove nothing either way. Pure.
import { coverageOf, type CoverageVerdict, type HostKeySet } from "@/lib/kms/coverage";
import type { ClientProduct } from "@/lib/kms/productIdentity";

export type FleetHost = { machineId: string; fqdn: string; keys: HostKeySet };

export function productCoverage(hosts: readonly FleetHost[], product: ClientProduct, machines: number) {
  const verdicts = hosts.map((h) => ({ fqdn: h.fqdn, verdict: coverageOf(h.keys, product) as CoverageVerdict }));
  const keyKnown = (fqdn: string) => {
    const keys = hosts.find((h) => h.fqdn === fqdn)?.keys;
    return product.family === "windows" ? keys?.windowsKey != null : keys !== undefined;
  };
  const covering = verdicts.filter((v) => v.verdict.status === "covered").map((v) => v.fqdn);
  const uncertain = verdicts.flatMap((v) =>
    v.verdict.status === "unknown" && keyKnown(v.fqdn)
      ? [{ fqdn: v.fqdn, why: v.verdict.why, fix: v.verdict.fix, text: v.verdict.text }]
      : [],
  );
  const status: CoverageVerdict["status"] = covering.length > 0 ? "covered" : uncertain.length > 0 ? "unknown" : "not_covered";
  return {
    product,
    machines,
    status,
    severity: status === "not_covered" ? ("critical" as const) : status === "unknown" ? ("warning" as const) : null,
    coveringHosts: covering,
    uncertainHosts: uncertain,
    hostsWithoutKey: verdicts.filter((v) => v.verdict.status === "unknown" && !keyKnown(v.fqdn)).map((v) => v.fqdn),
    fixes: verdicts.flatMap((v) =>
      v.verdict.status === "not_covered" ? [{ fqdn: v.fqdn, why: v.verdict.why, fix: v.verdict.fix, text: v.verdict.text }] : [],
    ),
  };
}
export type ProductCoverage = ReturnType<typeof productCoverage>;
