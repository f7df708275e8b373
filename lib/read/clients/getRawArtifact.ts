// The raw /dlv text or CIM JSON of a snapshot, exactly as the agent sent it (null once retention removed it).
import "server-only";
import { db } from "@/lib/core/db";
import { storedText } from "@/lib/core/deflate";
import { ApiError } from "@/lib/core/errors";
import { isoOrNull } from "@/lib/core/sql";
import type { RawArtifact } from "@/lib/read/contract/clients";

export async function getRawArtifact(id: string): Promise<RawArtifact> {
  const raw = await db().rawArtifact.findUnique({
    where: { id },
    select: {
      id: true,
      type: true,
      body: true,
      bodyDeflate: true,
      bodyPacked: true,
      prunedAt: true,
      firstSeenAt: true,
      lastSeenAt: true,
      machine: { select: { fqdn: true } },
    },
  });
  if (!raw) throw new ApiError("not_found", "no such raw artifact", "id");
  const { bodyDeflate: _compressed, bodyPacked: _packed, ...rest } = raw;
  return {
    ...rest,
    body: storedText(raw),
    prunedAt: isoOrNull(raw.prunedAt),
    firstSeenAt: raw.firstSeenAt.toISOString(),
    lastSeenAt: raw.lastSeenAt.toISOString(),
  };
}
