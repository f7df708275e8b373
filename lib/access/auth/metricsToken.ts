// GET /metrics is for Prometheus, not people: a static bearer token from KMSWATCH_METRICS_TOKEN.
// Unset means disabled (the counts of a fleet are not public by default).
import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/core/errors";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

export function checkMetricsToken(authorization: string | null, configured: string | undefined): void {
  if (!configured) {
    throw new ApiError("not_found", "GET /metrics is disabled: set KMSWATCH_METRICS_TOKEN (16+ characters) and send it as a Bearer token");
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) throw new ApiError("unauthorized", "send Authorization: Bearer <KMSWATCH_METRICS_TOKEN>");
  // Compare fixed-length digests so neither the length nor a prefix of the token leaks through timing.
  if (!timingSafeEqual(digest(match[1]!), digest(configured))) throw new ApiError("unauthorized", "wrong metrics token");
}
