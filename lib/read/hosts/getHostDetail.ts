// One KMS host: its current state and its findings.
import "server-only";
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import { getHostFacts } from "@/lib/evaluate/facts/getHostFacts";
import { sortFindings } from "@/lib/evaluate/facts/getFindings";
import { diagnoseHost } from "@/lib/evaluate/rules";
import { getForensicContext } from "@/lib/evaluate/facts/getForensicContext";
import { forensicFindings } from "@/lib/evaluate/rules/forensicFindings";
import { getHostList } from "@/lib/read/hosts/getHostList";

export async function getHostDetail(machineId: string, now: Date) {
  const machine = await db().machine.findUnique({ where: { id: machineId }, select: { role: true } });
  if (machine?.role !== "kms_host") throw new ApiError("not_found", "no such KMS host", "id");
  const [host] = (await getHostList()).filter((h) => h.id === machineId);
  const [facts] = await getHostFacts(now, [machineId]);
  // Both read the machine just checked; it can only be missing if it was deleted in between.
  if (!host || !facts) throw new ApiError("not_found", "no such KMS host", "id");
  const latestRaw = await db().snapshot.findFirst({
    where: { machineId, source: "dlv" },
    orderBy: { seen: { lastSeenAt: "desc" } },
    select: { rawArtifactId: true },
  });
  // The findings come from the facts just read (a KMS host has no client facts to add) and its ePID forensics (#21).
  const forensic = await getForensicContext(now, [machineId]);
  const scope = { hostMachines: new Map([[machineId, facts.fqdn]]), clients: new Map() };
  const findings = [...diagnoseHost(facts, now), ...forensicFindings(forensic.hosts, [], scope, now)];
  return { host, facts, findings: sortFindings(findings), latestDlvRawId: latestRaw?.rawArtifactId ?? null };
}
export type HostDetail = Awaited<ReturnType<typeof getHostDetail>>;
