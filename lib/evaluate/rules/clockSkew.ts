// A machine whose clock runs ahead of the server's (ingest policy: lib/ingest/clockPolicy.ts). Its reports
// are stored at the server's receipt time; the finding tells ops the clock is wrong, because KMS compares
// client and host time and refuses a request more than 4 hours off with 0xC004F06C.
import type { ClientFacts, HostFacts, RuleHit } from "./types";
import { defineRule } from "./types";
import { HOUR_MS } from "@/lib/core/time";

function skewHit(aheadMs: number | null): RuleHit | null {
  if (aheadMs === null || aheadMs <= 0) return null;
  const hours = Math.round((aheadMs / HOUR_MS) * 10) / 10;
  return {
    severity: aheadMs > 4 * HOUR_MS ? "warning" : "info",
    cause:
      `This machine's clock is ${hours} hours ahead of the server's (its last report was dated in the future; it was ` +
      "stored at the time the server received it). KMS refuses requests whose time differs from the host's by more " +
      "than 4 hours: activation can fail with 0xC004F06C.",
    fix:
      "Fix time synchronization on this machine: `w32tm /resync` (domain members follow the domain hierarchy, " +
      "`w32tm /query /source` says from where), and check its time zone; the comparison is done in UTC.",
    evidence: { clockAheadHours: hours },
  };
}

export const hostClockSkew = defineRule<HostFacts>("host")({
  id: "host-clock-skew",
  severity: "info",
  maxSeverity: "warning",
  title: "KMS host clock is ahead of the server's",
  evaluate: (f) => skewHit(f.clockAheadMs),
});

export const clientClockSkew = defineRule<ClientFacts>("client")({
  id: "client-clock-skew",
  severity: "info",
  maxSeverity: "warning",
  title: "Client clock is ahead of the server's",
  evaluate: (f) => skewHit(f.clockAheadMs),
});
