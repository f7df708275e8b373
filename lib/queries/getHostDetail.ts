// One KMS host: its current state and its findings.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { getHostFacts } from "@/lib/queries/getHostFacts";
import { getFindings } from "@/lib/queries/getFindings";
import { getHostList } from "@/lib/queries/getHostList";

export async function getHostDetail(machineId: string, now: Date) {
  const machine = await db().machine.findUnique({ where: { id: machineId }, select: { role: true } });
  if (!machine || machine.role !== "kms_host") throw new ApiError("not_found", "no such KMS host", "id");
  const [host] = (await getHostList()).filter((h) => h.id === machineId);
  const [facts] = await getHostFacts(now, machineId);
  const latestRaw = await db().snapshot.findFirst({
    where: { machineId, source: "dlv" }, orderBy: { lastSeenAt: "desc" }, select: { rawArtifactId: true },
  });
  return { host, facts, findings: await getFindings(now, { machineId }), latestDlvRawId: latestRaw?.rawArtifactId ?? null };
}
export type HostDetail = Awaited<ReturnType<typeof getHostDetail>>;
