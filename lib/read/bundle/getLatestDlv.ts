// The newest raw `slmgr.vbs /dlv` output a machine sent, exactly as stored.
import "server-only";
import { db } from "@/lib/core/db";

export async function getLatestDlv(machineId: string) {
  return db().rawArtifact.findFirst({
    where: { machineId, type: "dlv" },
    orderBy: [{ lastSeenAt: "desc" }, { firstSeenAt: "desc" }],
    select: { id: true, body: true, firstSeenAt: true, lastSeenAt: true },
  });
}
