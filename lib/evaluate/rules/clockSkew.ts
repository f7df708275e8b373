// A machine whose clock runs ahead of the server's (ingest policy: lib/ingest/clockPolicy.ts). Its reports
// are stored at the server's receipt time; the finding tells ops the clock is wrong, because KMS compares
// client and host time and refuses a request more than 4 hours off with 0xC004F06C.
import type { ClientFacts, HostFacts, RuleHit } from "./types";
import { defineRule, msg } from "./types";
import { HOUR_MS } from "@/lib/core/time";

function skewHit(aheadMs: number | null): RuleHit | null {
  if (aheadMs === null || aheadMs <= 0) return null;
  const hours = Math.round((aheadMs / HOUR_MS) * 10) / 10;
  return {
    severity: aheadMs > 4 * HOUR_MS ? "warning" : "info",
    cause: msg("findings.parts.clockSkew.cause", { hours }),
    fix: msg("findings.parts.clockSkew.fix"),
    evidence: { clockAheadHours: hours },
  };
}

export const hostClockSkew = defineRule<HostFacts>("host")({
  id: "host-clock-skew",
  severity: "info",
  maxSeverity: "warning",
  evaluate: (f) => skewHit(f.clockAheadMs),
});

export const clientClockSkew = defineRule<ClientFacts>("client")({
  id: "client-clock-skew",
  severity: "info",
  maxSeverity: "warning",
  evaluate: (f) => skewHit(f.clockAheadMs),
});
