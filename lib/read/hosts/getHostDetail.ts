// One KMS host: its current state and its findings.
import "server-only";
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import { getHostFacts } from "@/lib/evaluate/facts/getHostFacts";
import { findingsFrom } from "@/lib/evaluate/facts/getFindings";
import { getForensicContext } from "@/lib/evaluate/facts/getForensicContext";
import { getHostList } from "@/lib/read/hosts/getHostList";
import type { HostDetail } from "@/lib/read/contract/hosts";

export type { HostDetail } from "@/lib/read/contract/hosts";

export async function getHostDetail(machineId: string, now: Date): Promise<HostDetail> {
  const machine = await db().machine.findUnique({ where: { id: machineId }, select: { role: true } });
  if (machine?.role !== "kms_host") throw new ApiError("not_found", "no such KMS host", "id");
  const [[host], [facts], forensic] = await Promise.all([
    getHostList(machineId),
    getHostFacts(now, [machineId]),
    getForensicContext(now, [machineId]),
  ]);
  // Both read the machine just checked; it can only be missing if it was deleted in between.
  if (!host || !facts) throw new ApiError("not_found", "no such KMS host", "id");
  const latestRaw = await db().snapshot.findFirst({
    where: { machineId, source: "dlv" },
    orderBy: { seen: { lastSeenAt: "desc" } },
    select: { rawArtifactId: true },
  });
  // The findings the evaluation gives this host, from the facts just read (a KMS host has no client facts).
  const findings = await findingsFrom(now, [facts], [], forensic);
  return { host, facts, findings, latestDlvRawId: latestRaw?.rawArtifactId ?? null };
}
