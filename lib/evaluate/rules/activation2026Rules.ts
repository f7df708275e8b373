// Findings of "activation in 2026" (issue #16): hardware-secured KMS readiness, host-key coverage, channel
// drift and ADBA. Pure, like the other rules; evaluated when a host/client page or the fleet view is read
// (their facts come from lib/read/activation2026), so they are not stored as alerts.
import type { Finding } from "./types";
import type { CoverageVerdict } from "../../kms/coverage";
import type { Readiness } from "../../kms/hardwareSecured";
import { reasonText } from "../../kms/hardwareSecured";
import type { ClientProduct } from "../../kms/productIdentity";

type Subject = { machineId: string; fqdn: string };
const finding = (kind: "host" | "client", s: Subject, f: Omit<Finding, "subject" | "since"> & { since?: string | null }): Finding => ({
  ...f,
  subject: { kind, machineId: s.machineId, fqdn: s.fqdn },
  since: f.since ?? null,
});

/** Informational by design: activation works today on a host that is not hardware-secured. */
export function hardwareSecuredFinding(host: Subject, readiness: Readiness): Finding | null {
  if (readiness.state !== "not_ready") return null;
  const labels = readiness.reasons.map((r) => reasonText[r].label);
  return finding("host", host, {
    ruleId: "host-hardware-secured-not-ready",
    severity: "info",
    title: "KMS host is not ready for hardware-secured activation",
    cause:
      `This host cannot serve as a hardware-secured KMS host: ${labels.join(", ")}. Clients keep activating today; ` +
      "a future Windows Server may require periodic renewal on hosts that are not hardware-secured." +
      (readiness.mustChangeHardware ? " The hardware must change before then." : ""),
    fix: readiness.reasons.map((r) => reasonText[r].fix).join(" "),
    evidence: { reasons: readiness.reasons.join(","), mustChangeHardware: readiness.mustChangeHardware },
  });
}

/** A product asking this host that its key (or its update level / Office pack) does not cover. */
export function coverageFinding(
  host: Subject,
  product: ClientProduct,
  verdict: CoverageVerdict,
  asked: { clients: number; refusedNotCovered: number },
): Finding | null {
  if (verdict.status !== "not_covered") return null;
  return finding("host", host, {
    ruleId: product.family === "office" ? "host-office-pack-missing" : "host-key-does-not-cover",
    // Refusals on record mean clients are failing now; otherwise they will on their next request.
    severity: asked.refusedNotCovered > 0 ? "critical" : "warning",
    title: `KMS host cannot activate ${product.name}`,
    cause:
      `${asked.clients} ${product.name} client(s) asked this host in the last 30 days, but ${verdict.why}.` +
      (asked.refusedNotCovered > 0 ? ` It refused ${asked.refusedNotCovered} request(s) with 0xC004F042.` : ""),
    fix: `${verdict.fix.charAt(0).toUpperCase()}${verdict.fix.slice(1)}.`,
    evidence: { product: product.id, clients: asked.clients, refused0xC004F042: asked.refusedNotCovered },
  });
}

export type ClientDriftFacts = Subject & {
  activationType: string;
  productName: string | null;
  licenseStatus: string | null;
  configuredActivationType: string | null;
  kmsHost: string | null;
  /** The fleet activates volume products (a KMS host or an ADBA-activated machine exists). */
  volumeFleet: boolean;
  /** Another machine of the fleet is activated by AD for this same product. */
  adObjectForProduct: string | null;
};

export function retailChannelFinding(f: ClientDriftFacts): Finding | null {
  if (f.activationType !== "retail" || !f.volumeFleet) return null;
  return finding("client", f, {
    ruleId: "client-retail-in-volume-fleet",
    severity: "warning",
    title: "Machine installed from retail media in a volume fleet",
    cause:
      `${f.productName ?? "Windows"} has a RETAIL channel: it was installed from retail or MSDN media and will never ` +
      "activate by KMS or Active Directory, whatever the network does.",
    fix:
      "Install the KMS client setup key (GVLK) of its edition: `slmgr.vbs /ipk <GVLK>` (table in Microsoft's " +
      "'KMS client activation and product keys'), then `slmgr.vbs /ato`.",
    evidence: { activationType: f.activationType, licenseStatus: f.licenseStatus },
  });
}

export function adOnlyWithoutObjectFinding(f: ClientDriftFacts): Finding | null {
  const adOnly = (f.configuredActivationType ?? "").toUpperCase() === "AD";
  if (!adOnly || f.licenseStatus === "Licensed" || f.adObjectForProduct !== null) return null;
  return finding("client", f, {
    ruleId: "client-ad-only-no-activation-object",
    severity: "warning",
    title: "Configured for Active Directory activation only, with no activation object for its product",
    cause:
      `${f.productName ?? "This product"} is set to activate by AD only (Configured Activation Type: AD), is not licensed, ` +
      "and no machine of the fleet is activated by an AD activation object for this product: it will not fall back to KMS.",
    fix:
      "Add an activation object for this product to the forest (Volume Activation Tools, or `slmgr.vbs /ad-activation-online <CSVLK>` " +
      "on a domain member), or let the machine use KMS: `slmgr.vbs /act-type 0`, then `slmgr.vbs /ato`.",
    evidence: { configuredActivationType: f.configuredActivationType, licenseStatus: f.licenseStatus },
  });
}

export function kmsWhileAdbaFinding(f: ClientDriftFacts): Finding | null {
  if (f.activationType !== "kms" || f.adObjectForProduct === null || f.kmsHost === null) return null;
  return finding("client", f, {
    ruleId: "client-kms-while-adba-covers",
    severity: "info",
    title: "KMS client that Active Directory-based activation would cover",
    cause: `This machine activates by KMS against ${f.kmsHost}, while the AD activation object '${f.adObjectForProduct}' activates the same product elsewhere in the fleet.`,
    fix:
      "Nothing is broken. If the machine is a member of that forest it can activate by AD instead (`slmgr.vbs /act-type 1` for AD only, " +
      "or keep 0 for both) and stop counting on the KMS host.",
    evidence: { kmsHost: f.kmsHost, adObject: f.adObjectForProduct },
  });
}

export const clientDriftRules = [retailChannelFinding, adOnlyWithoutObjectFinding, kmsWhileAdbaFinding] as const;
