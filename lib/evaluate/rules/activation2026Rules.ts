// Findings of "activation in 2026" (issue #16): hardware-secured KMS readiness, host-key coverage, channel
// drift and ADBA. Pure, like the other rules; evaluated when a host/client page or the fleet view is read
// (their facts come from lib/read/activation2026), so they are not stored as alerts.
import { type Finding, findingTexts, joinMessages, type MessageValue, msg, ruleMessage } from "./types";
import type { CoverageVerdict } from "../../kms/coverage";
import type { Readiness } from "../../kms/hardwareSecured";
import type { ClientProduct } from "../../kms/productIdentity";

type Subject = { machineId: string; fqdn: string };
type Values = Record<string, MessageValue>;
/** A finding whose title, cause and fix are its rule's messages (findings.rules.<ruleId>.*), filled with `values`. */
const finding = (
  kind: "host" | "client",
  s: Subject,
  f: Omit<Finding, "subject" | "since" | "title" | "cause" | "fix" | "messages"> & { since?: string | null },
  values: { title?: Values; cause?: Values; fix?: Values } = {},
): Finding => {
  const m = ruleMessage(f.ruleId);
  return {
    ...f,
    ...findingTexts({ title: m("title", values.title), cause: m("cause", values.cause), fix: m("fix", values.fix) }),
    subject: { kind, machineId: s.machineId, fqdn: s.fqdn },
    since: f.since ?? null,
  };
};

/** Informational by design: activation works today on a host that is not hardware-secured. */
export function hardwareSecuredFinding(host: Subject, readiness: Readiness): Finding | null {
  if (readiness.state !== "not_ready") return null;
  const reason = (r: string, part: "label" | "fix") => msg(`findings.rules.host-hardware-secured-not-ready.reasons.${r}.${part}`);
  return finding(
    "host",
    host,
    {
      ruleId: "host-hardware-secured-not-ready",
      severity: "info",
      evidence: { reasons: readiness.reasons.join(","), mustChangeHardware: readiness.mustChangeHardware },
    },
    {
      cause: {
        reasons: joinMessages(readiness.reasons.map((r) => reason(r, "label"))),
        mustChange: readiness.mustChangeHardware ? "yes" : "no",
      },
      fix: {
        fixes: joinMessages(
          readiness.reasons.map((r) => reason(r, "fix")),
          "space",
        ),
      },
    },
  );
}

/** A product asking this host that its key (or its update level / Office pack) does not cover. */
export function coverageFinding(
  host: Subject,
  product: ClientProduct,
  verdict: CoverageVerdict,
  asked: { clients: number; refusedNotCovered: number },
): Finding | null {
  if (verdict.status !== "not_covered") return null;
  return finding(
    "host",
    host,
    {
      ruleId: product.family === "office" ? "host-office-pack-missing" : "host-key-does-not-cover",
      // Refusals on record mean clients are failing now; otherwise they will on their next request.
      severity: asked.refusedNotCovered > 0 ? "critical" : "warning",
      evidence: { product: product.id, clients: asked.clients, refused0xC004F042: asked.refusedNotCovered },
    },
    {
      title: { product: product.name },
      // The verdict's why and fix come from the coverage tables (lib/kms/coverage.ts), in English.
      cause: { clients: asked.clients, product: product.name, why: verdict.why, refused: asked.refusedNotCovered },
      fix: { fix: `${verdict.fix.charAt(0).toUpperCase()}${verdict.fix.slice(1)}` },
    },
  );
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
  return finding(
    "client",
    f,
    {
      ruleId: "client-retail-in-volume-fleet",
      severity: "warning",
      evidence: { activationType: f.activationType, licenseStatus: f.licenseStatus },
    },
    { cause: { product: f.productName ?? "Windows" } },
  );
}

export function adOnlyWithoutObjectFinding(f: ClientDriftFacts): Finding | null {
  const adOnly = (f.configuredActivationType ?? "").toUpperCase() === "AD";
  if (!adOnly || f.licenseStatus === "Licensed" || f.adObjectForProduct !== null) return null;
  return finding(
    "client",
    f,
    {
      ruleId: "client-ad-only-no-activation-object",
      severity: "warning",
      evidence: { configuredActivationType: f.configuredActivationType, licenseStatus: f.licenseStatus },
    },
    { cause: { product: f.productName ?? msg("findings.rules.client-ad-only-no-activation-object.thisProduct") } },
  );
}

export function kmsWhileAdbaFinding(f: ClientDriftFacts): Finding | null {
  if (f.activationType !== "kms" || f.adObjectForProduct === null || f.kmsHost === null) return null;
  return finding(
    "client",
    f,
    { ruleId: "client-kms-while-adba-covers", severity: "info", evidence: { kmsHost: f.kmsHost, adObject: f.adObjectForProduct } },
    { cause: { host: f.kmsHost, object: f.adObjectForProduct } },
  );
}

export const clientDriftRules = [retailChannelFinding, adOnlyWithoutObjectFinding, kmsWhileAdbaFinding] as const;
