// The raw /dlv text or CIM JSON of a snapshot, exactly as the agent sent it.
import "server-only";
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";

export async function getRawArtifact(id: string) {
  const raw = await db().rawArtifact.findUnique({
    where: { id },
    select: { id: true, type: true, body: true, firstSeenAt: true, lastSeenAt: true, machine: { select: { fqdn: true } } },
  });
  if (!raw) throw new ApiError("not_found", "no such raw artifact", "id");
  return { ...raw, firstSeenAt: raw.firstSeenAt.toISOString(), lastSeenAt: raw.lastSeenAt.toISOString() };
}
