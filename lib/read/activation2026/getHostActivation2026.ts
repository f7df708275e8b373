// One KMS host in 2026 terms: hardware-secured readiness, the client products asking it with "covered" or not
// (and the fix), Office clients against their threshold, the Key Management Service log's other events, and
// the raw OSLicense answers.
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { coverageOf } from "@/lib/kms/coverage";
import { hostOsNames, windowsProductNames } from "@/lib/kms/hostKeyCoverage";
import { officeVersions } from "@/lib/kms/officeVolumePacks";
import { reasonText } from "@/lib/kms/hardwareSecured";
import { OFFICE_THRESHOLD } from "@/lib/kms/countModel";
import { compareFindings } from "@/lib/evaluate/rules";
import { coverageFinding, hardwareSecuredFinding } from "@/lib/evaluate/rules/activation2026Rules";
import { officeBelowThresholdFinding } from "@/lib/evaluate/rules/officeRules";
import { getAskedProducts } from "@/lib/read/activation2026/askedProducts";
import { getHostStates } from "@/lib/read/activation2026/hostState";
import { getOtherKmsLogEvents } from "@/lib/read/activation2026/kmsLogEvents";
import type { HostActivation2026 } from "@/lib/read/contract/activation2026";

export type { HostActivation2026 } from "@/lib/read/contract/activation2026";

export async function getHostActivation2026(hostId: string, now: Date): Promise<HostActivation2026> {
  const [[state], asked, otherEvents, reports] = await Promise.all([
    getHostStates([hostId]),
    getAskedProducts(hostId, now),
    getOtherKmsLogEvents(hostId),
    queryRows<{ kind: string; collected_at: Date; body: unknown; error: string | null }>(Prisma.sql`
      SELECT kind, collected_at, body, error FROM machine_report WHERE machine_id = ${hostId}::uuid AND kind LIKE 'oslicense:%' ORDER BY kind`),
  ]);
  if (!state) throw new ApiError("not_found", "no such KMS host", "id");
  const subject = { machineId: state.machineId, fqdn: state.fqdn };
  const products = asked.map((a) => ({ ...a, verdict: a.product ? coverageOf(state.keys, a.product) : null }));
  const officeClients = asked.filter((a) => a.product?.family === "office").reduce((n, a) => n + a.cmids, 0);
  const findings = [
    hardwareSecuredFinding(subject, state.readiness),
    ...products.map((p) => (p.product && p.verdict ? coverageFinding(subject, p.product, p.verdict, p) : null)),
    officeBelowThresholdFinding({ ...subject, officeClients, officeCurrentCount: state.officeCurrentCount }),
  ]
    .filter((f) => f !== null)
    .sort(compareFindings);
  const readiness = state.readiness;
  return {
    machineId: state.machineId,
    fqdn: state.fqdn,
    hostKey: {
      channel: state.keys.windowsChannel,
      name: state.keys.windowsKey?.name ?? null,
      channelSource: state.keys.windowsKey?.channelSource ?? null,
      /** What the key activates per the table (an older host may also need an update for the newest of these). */
      activates: state.keys.windowsKey?.activates.map((id) => windowsProductNames[id]) ?? [],
      source: state.keys.windowsKey?.source ?? null,
      hostOs: state.keys.hostOs ? hostOsNames[state.keys.hostOs] : null,
      build: state.keys.version
        ? `${state.keys.version.build}${state.keys.version.revision !== null ? `.${state.keys.version.revision}` : ""}`
        : null,
      officeKeys: state.keys.officeKeys.map((id) => officeVersions.find((v) => v.id === id)?.name ?? id),
    },
    hardwareSecured: {
      ...readiness,
      sentence: state.sentence,
      tpm: state.tpm,
      fixes: readiness.state === "not_ready" ? readiness.reasons.map((r) => ({ reason: r, ...reasonText[r] })) : [],
    },
    products,
    office: { clients: officeClients, currentCount: state.officeCurrentCount, threshold: OFFICE_THRESHOLD },
    otherEvents,
    osLicense: reports.map((r) => ({ kind: r.kind, collectedAt: r.collected_at.toISOString(), body: r.body, error: r.error })),
    findings,
  };
}
