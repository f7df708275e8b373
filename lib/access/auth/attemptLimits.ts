// Brute-force limits (OWASP ASVS 2.2.1): failed sign-ins per account and per client address, wrong enroll
// secrets per address. Counted in Postgres (rate-limiter-flexible's Postgres store, table rate_limit) so every
// replica shares one count. Only failures count: a fleet enrolling behind one NAT address with the right
// secret, or people signing in correctly, never trip them. A lock ends by itself after KMSWATCH_LOCKOUT_SECONDS.
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { dbPool } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { ApiError } from "@/lib/core/errors";
import { recordSystemAudit } from "@/lib/access/audit/record";

export type LimitName = "signin_account" | "signin_address" | "enroll_address";
type Limit = { limiter: RateLimiterPostgres; maxFailures: number; lockSeconds: number };

const limits = new Map<LimitName, Limit>();

function limit(name: LimitName): Limit {
  const existing = limits.get(name);
  if (existing) return existing;
  const config = env();
  const maxFailures =
    name === "signin_account"
      ? config.KMSWATCH_SIGNIN_MAX_FAILURES
      : name === "signin_address"
        ? config.KMSWATCH_SIGNIN_MAX_FAILURES_PER_ADDRESS
        : config.KMSWATCH_ENROLL_MAX_FAILURES_PER_ADDRESS;
  const lockSeconds = config.KMSWATCH_LOCKOUT_SECONDS;
  const limiter = new RateLimiterPostgres({
    storeClient: dbPool(),
    storeType: "pool",
    tableName: "rate_limit",
    tableCreated: true, // by the migration, not at run time
    // The library's own sweep (every 5 min, rows expired an hour ago, timer unref'd): one per process is enough,
    // since the three limits share the table.
    clearExpiredByTimeout: name === "signin_account",
    keyPrefix: name,
    points: maxFailures,
    duration: lockSeconds,
  });
  const created = { limiter, maxFailures, lockSeconds };
  limits.set(name, created);
  return created;
}

/** The client's address: the first X-Forwarded-For entry (Next.js fills it with the socket address when absent). */
export function clientAddress(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip") || "unknown").slice(0, 100);
}

const tooMany = (what: string, ms: number) =>
  new ApiError("rate_limited", `too many failed attempts for ${what}; try again later`, null, {
    retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
  });

/** Refuses (429 with Retry-After) when any of the keys is locked. */
export async function checkNotLocked(checks: { name: LimitName; key: string; what: string }[]): Promise<void> {
  for (const check of checks) {
    const { limiter, maxFailures } = limit(check.name);
    const state = await limiter.get(check.key);
    if (state && state.consumedPoints >= maxFailures) throw tooMany(check.what, state.msBeforeNext);
  }
}

/** Counts one failure per key; the failure that reaches a limit locks the key for the full lock time and is audited. */
export async function countFailure(attempt: "sign-in" | "enroll", failures: { name: LimitName; key: string; what: string }[]) {
  for (const failure of failures) {
    const { limiter, maxFailures, lockSeconds } = limit(failure.name);
    const state = await limiter.consume(failure.key, 1).catch((rejected: unknown) => rejected);
    const consumed = (state as { consumedPoints?: number }).consumedPoints;
    if (typeof consumed !== "number") throw state; // a database error, not a limit answer
    if (consumed !== maxFailures) continue;
    await limiter.block(failure.key, lockSeconds);
    await recordSystemAudit({
      actorLabel: failure.name === "signin_account" ? failure.key : `client ${failure.key}`,
      action: "auth.lockout",
      targetKind: failure.name === "signin_account" ? "user" : "client_address",
      targetId: failure.key,
      details: { what: failure.what, attempt, failures: maxFailures, seconds: lockSeconds },
    });
  }
}

/** Forgets the failures of a key (a correct sign-in clears its account's count). */
export async function clearFailures(name: LimitName, key: string): Promise<void> {
  await limit(name).limiter.delete(key);
}
