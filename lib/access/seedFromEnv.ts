// First-start seeding from the environment: the first admin and the approved KMS hosts.
import { db } from "@/lib/core/db";
import { ensureFirstAdmin } from "@/lib/access/auth/users";
import { normalizeHostName } from "@/lib/kms/hostNames";

export async function seedFromEnv(env: {
  KMSWATCH_ADMIN_EMAIL?: string;
  KMSWATCH_ADMIN_PASSWORD?: string;
  KMSWATCH_APPROVED_HOSTS: string;
}): Promise<{ adminCreated: string | null; approvedHostsSeeded: number }> {
  const adminCreated = await ensureFirstAdmin(env.KMSWATCH_ADMIN_EMAIL, env.KMSWATCH_ADMIN_PASSWORD);
  const hosts = env.KMSWATCH_APPROVED_HOSTS.split(",")
    .map(normalizeHostName)
    .filter((h): h is string => h !== null);
  // Only an empty list is seeded: hosts removed in the UI must not come back at every restart.
  let approvedHostsSeeded = 0;
  if (hosts.length > 0 && (await db().approvedKmsHost.count()) === 0) {
    const result = await db().approvedKmsHost.createMany({
      data: hosts.map((host) => ({ host, note: "from KMSWATCH_APPROVED_HOSTS" })),
      skipDuplicates: true,
    });
    approvedHostsSeeded = result.count;
  }
  return { adminCreated, approvedHostsSeeded };
}
