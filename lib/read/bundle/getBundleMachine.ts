// The machine a support bundle is for: it must exist, and a host bundle must be for a KMS host.
import "server-only";
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import type { BundleKind } from "@/lib/read/bundle/logs";

export async function getBundleMachine(machineId: string, kind: BundleKind) {
  const machine = await db().machine.findUnique({
    where: { id: machineId },
    select: {
      id: true,
      fqdn: true,
      hostname: true,
      role: true,
      firstSeenAt: true,
      lastSeenAt: true,
      // Never the token (hash or prefix): bundles are sent outside the organisation.
      agents: {
        select: { id: true, agentVersion: true, enrolledAt: true, lastSeenAt: true, revokedAt: true, unchangedCheckins: true },
        orderBy: { enrolledAt: "asc" },
      },
    },
  });
  if (!machine || (kind === "host" && machine.role !== "kms_host")) {
    throw new ApiError("not_found", kind === "host" ? "no such KMS host" : "no such client", "id");
  }
  return machine;
}
export type BundleMachine = Awaited<ReturnType<typeof getBundleMachine>>;
