// Editing the approved KMS host list from the audit page.
import { z } from "zod";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { normalizeHostName } from "@/lib/kms/hostNames";

export const approveHostSchema = z.object({
  host: z.string().trim().min(1).max(255).regex(/^[A-Za-z0-9._:[\]-]+$/, "must be a host name or address (letters, digits, '.', '-', ':')"),
  note: z.string().max(500).optional(),
});
export type ApproveHost = z.infer<typeof approveHostSchema>;

export async function approveHost(input: ApproveHost, userId: string) {
  const host = normalizeHostName(input.host);
  if (!host) throw new ApiError("invalid_request", "host is not a host name", "host");
  return db().approvedKmsHost.upsert({
    where: { host },
    create: { host, note: input.note ?? null, createdById: userId },
    update: { note: input.note ?? null },
    select: { id: true, host: true },
  });
}

export async function unapproveHost(host: string) {
  const name = normalizeHostName(host);
  const result = await db().approvedKmsHost.deleteMany({ where: { host: name ?? "" } });
  if (result.count === 0) throw new ApiError("not_found", "that host is not in the approved list", "host");
}
