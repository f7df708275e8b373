// What is kept how long (issue #20). Raw text (the /dlv and CIM bodies, each event's XML) explains a parsed row
// and is what a support case asks for first: kept KMSWATCH_RETAIN_RAW_DAYS (90 by default). Parsed history
// (events, superseded snapshots and their artifacts, ingest batches, probes, quarantined pieces) is kept
// KMSWATCH_RETAIN_HISTORY_DAYS (400: a year and a renewal cycle). Kept forever: every machine's current
// state and latest snapshot per product, the summaries ingest keeps (sightings, host clients, activation
// facts, license-state counts), alerts with their history, and the audit log. 0 keeps a class forever.
import { DAY_MS } from "@/lib/core/time";

export type RetentionPolicy = { rawDays: number; historyDays: number };
export type RetentionCutoffs = { rawBefore: Date | null; historyBefore: Date | null };

export function retentionCutoffs(now: Date, policy: RetentionPolicy): RetentionCutoffs {
  const before = (days: number) => (days > 0 ? new Date(now.getTime() - days * DAY_MS) : null);
  return { rawBefore: before(policy.rawDays), historyBefore: before(policy.historyDays) };
}
