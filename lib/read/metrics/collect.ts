// Everything GET /metrics exposes, read fresh on each scrape (no process-global registry: several
// server processes behind one load balancer must each answer from the database, not from memory).
import "server-only";
import type { MetricFamily, MetricType, Sample } from "@/lib/read/metrics/prometheusText";
import { getHostMetrics } from "@/lib/read/metrics/getHostMetrics";
import { getClientLicenseMetrics } from "@/lib/read/metrics/getClientLicenseMetrics";
import { getFindingMetrics } from "@/lib/read/metrics/getFindingMetrics";
import { getIngestMetrics } from "@/lib/read/metrics/getIngestMetrics";

/** What each metric means: its # HELP line. */
const HELP = {
  kmswatch_kms_host_current_count: "Current count reported by the KMS host (slmgr /dlv or CIM KeyManagementServiceCurrentCount).",
  kmswatch_kms_host_reconstructed_count:
    "Count rebuilt from the host's 12290 events: distinct CMIDs (case-insensitive) of the last 30 days, clock-skew refusals left out, capped at 50 (10 when only Windows Server clients asked).",
  kmswatch_kms_host_requests_total: "Cumulative KMS requests received, from the host's latest snapshot (resets when the host is rebuilt).",
  kmswatch_kms_host_requests_failed_total: "Cumulative failed KMS requests, from the host's latest snapshot.",
  kmswatch_clients: "Clients by current Windows license status.",
  kmswatch_open_findings: "Open findings of the diagnosis rules (alerts not resolved), by rule and severity.",
  kmswatch_ingest_batches_total: "Ingest batches accepted from agents that stored something new.",
  kmswatch_checkins_unchanged_total: "Agent check-ins whose snapshots were all unchanged (recorded as seen, nothing stored).",
  kmswatch_ingest_accepted_total: "Events and products stored from ingest batches.",
  kmswatch_ingest_duplicates_total: "Events received again and ignored (already stored).",
  kmswatch_ingest_rejected_total: "Artifacts or events quarantined because they could not be parsed.",
} as const;
type MetricName = keyof typeof HELP;

const family = (name: MetricName, type: MetricType, samples: readonly Sample[]): MetricFamily => ({
  name,
  type,
  help: HELP[name],
  samples,
});
/** A counter with one unlabelled sample: the ingest totals. */
const counter = (name: MetricName, value: number) => family(name, "counter", [{ value }]);

export async function collectMetrics(now: Date): Promise<MetricFamily[]> {
  const [hosts, licenses, findings, ingest] = await Promise.all([
    getHostMetrics(now),
    getClientLicenseMetrics(),
    getFindingMetrics(),
    getIngestMetrics(),
  ]);
  // A host that never reported a value gets no sample: 0 would read as "count collapsed".
  const perHost = (field: "currentCount" | "reconstructedCount" | "totalRequests" | "failedRequests") =>
    hosts.flatMap((h) => {
      const value = h[field];
      return value === null ? [] : [{ labels: { host: h.host }, value }];
    });
  return [
    family("kmswatch_kms_host_current_count", "gauge", perHost("currentCount")),
    family("kmswatch_kms_host_reconstructed_count", "gauge", perHost("reconstructedCount")),
    family("kmswatch_kms_host_requests_total", "counter", perHost("totalRequests")),
    family("kmswatch_kms_host_requests_failed_total", "counter", perHost("failedRequests")),
    family(
      "kmswatch_clients",
      "gauge",
      licenses.map((l) => ({ labels: { license_status: l.status }, value: l.clients })),
    ),
    family(
      "kmswatch_open_findings",
      "gauge",
      findings.map((f) => ({ labels: { rule: f.rule, severity: f.severity }, value: f.findings })),
    ),
    counter("kmswatch_ingest_batches_total", ingest.batches),
    counter("kmswatch_checkins_unchanged_total", ingest.unchangedCheckins),
    counter("kmswatch_ingest_accepted_total", ingest.accepted),
    counter("kmswatch_ingest_duplicates_total", ingest.duplicates),
    counter("kmswatch_ingest_rejected_total", ingest.rejected),
  ];
}
