// The approved KMS host list, and the one rule for "is this host approved" (full or short name).
import { db } from "@/lib/core/db";
import { normalizeHostName, shortHostName } from "@/lib/kms/hostNames";

export async function getApprovedHosts() {
  return db().approvedKmsHost.findMany({ orderBy: { host: "asc" }, select: { id: true, host: true, note: true, createdAt: true } });
}

/** null when nothing can be said: no host, or no approved list configured yet. */
export function isApproved(approved: readonly string[], host: string | null): boolean | null {
  const name = normalizeHostName(host);
  if (!name || approved.length === 0) return null;
  const short = shortHostName(name);
  return approved.some((a) => a === name || (!a.includes(".") && a === short) || (!name.includes(".") && shortHostName(a) === name));
}
