// The newest raw `slmgr.vbs /dlv` output a machine sent, exactly as stored (whose text retention has not removed).
import "server-only";
import { db } from "@/lib/core/db";
import { storedText } from "@/lib/core/deflate";

export async function getLatestDlv(machineId: string) {
  const raw = await db().rawArtifact.findFirst({
    where: { machineId, type: "dlv", prunedAt: null },
    orderBy: [{ lastSeenAt: "desc" }, { firstSeenAt: "desc" }],
    select: { id: true, body: true, bodyDeflate: true, bodyPacked: true, firstSeenAt: true, lastSeenAt: true },
  });
  if (!raw) return null;
  const body = storedText(raw);
  return body === null ? null : { id: raw.id, body, firstSeenAt: raw.firstSeenAt, lastSeenAt: raw.lastSeenAt };
}
