// Pure rules of enroll secret rotation: which secret is accepted, and how rotation sets expiries.
// No Node imports: the settings page uses the constants too.

/** Stored as the prefix of the environment secret's row: its real characters are never shown. */
export const ENV_SECRET_LABEL = "KMSWATCH_ENROLL_SECRET";
export const DEFAULT_OVERLAP_DAYS = 7;
export const MAX_OVERLAP_DAYS = 365;
import { DAY_MS } from "@/lib/core/time";

export function isUnexpired(expiresAt: Date | null, now: Date): boolean {
  return expiresAt === null || expiresAt.getTime() > now.getTime();
}

export function overlapExpiry(now: Date, overlapDays: number): Date {
  return new Date(now.getTime() + overlapDays * DAY_MS);
}

/** Rotation only ever shortens a previous secret's life: one already expiring sooner keeps its date. */
export function expiryAfterRotation(current: Date | null, overlapEnd: Date): Date {
  return current !== null && current.getTime() < overlapEnd.getTime() ? current : overlapEnd;
}

export type EnrollSecretDecision = "accept" | "refuse" | "disabled";

/**
 * A secret found in enroll_secret is judged by its expiry alone — this is how the environment
 * secret stops working after a rotation's overlap even though it is still set. A secret without a
 * row is accepted only if it is the environment secret (the bootstrap, never rotated).
 * Enrollment is "disabled" only when no secret at all could be accepted.
 */
export function decideEnrollSecret(input: {
  row: { expiresAt: Date | null } | null;
  matchesEnvSecret: boolean;
  envSecretSet: boolean;
  anyUnexpiredRow: boolean;
  now: Date;
}): EnrollSecretDecision {
  if (input.row) return isUnexpired(input.row.expiresAt, input.now) ? "accept" : "refuse";
  if (input.matchesEnvSecret) return "accept";
  return input.envSecretSet || input.anyUnexpiredRow ? "refuse" : "disabled";
}
