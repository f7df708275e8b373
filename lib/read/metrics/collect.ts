// Everything GET /metrics exposes, read fresh on each scrape (no process-global registry: several
// server processes behind one load balancer must each answer from the database, not from memory).
import "server-only";
import type { MetricFamily } from "@/lib/read/metrics/prometheusText";
import { getHostMetrics } from "@/lib/read/metrics/getHostMetrics";
import { getClientLicenseMetrics } from "@/lib/read/metrics/getClientLicenseMetrics";
import { getFindingMetrics } from "@/lib/read/metrics/getFindingMetrics";
import { getIngestMetrics } from "@/lib/read/metrics/getIngestMetrics";

const defined = <T>(value: T | null): value is T => value !== null;
/** A counter with one unlabelled sample: the ingest totals. */
const counter = (name: string, help: string, value: number): MetricFamily => ({ name, type: "counter", help, samples: [{ value }] });

export async function collectMetrics(now: Date): Promise<MetricFamily[]> {
  const [hosts, licenses, findings, ingest] = await Promise.all([
    getHostMetrics(now),
    getClientLicenseMetrics(),
    getFindingMetrics(),
    getIngestMetrics(),
  ]);
  // A host that never reported a value gets no sample: 0 would read as "count collapsed".
  const perHost = (value: (h: (typeof hosts)[number]) => number | null) =>
    hosts.map((h) => (value(h) === null ? null : { labels: { host: h.host }, value: value(h) as number })).filter(defined);
  return [
    {
      name: "kmswatch_kms_host_current_count",
      type: "gauge",
      help: "Current count reported by the KMS host (slmgr /dlv or CIM KeyManagementServiceCurrentCount).",
      samples: perHost((h) => h.currentCount),
    },
    {
      name: "kmswatch_kms_host_reconstructed_count",
      type: "gauge",
      help: "Count rebuilt from the host's 12290 events: distinct CMIDs (case-insensitive) of the last 30 days, clock-skew refusals left out, capped at 50 (10 when only Windows Server clients asked).",
      samples: perHost((h) => h.reconstructedCount),
    },
    {
      name: "kmswatch_kms_host_requests_total",
      type: "counter",
      help: "Cumulative KMS requests received, from the host's latest snapshot (resets when the host is rebuilt).",
      samples: perHost((h) => h.totalRequests),
    },
    {
      name: "kmswatch_kms_host_requests_failed_total",
      type: "counter",
      help: "Cumulative failed KMS requests, from the host's latest snapshot.",
      samples: perHost((h) => h.failedRequests),
    },
    {
      name: "kmswatch_clients",
      type: "gauge",
      help: "Clients by current Windows license status.",
      samples: licenses.map((l) => ({ labels: { license_status: l.status }, value: l.clients })),
    },
    {
      name: "kmswatch_open_findings",
      type: "gauge",
      help: "Open findings of the diagnosis rules (alerts not resolved), by rule and severity.",
      samples: findings.map((f) => ({ labels: { rule: f.rule, severity: f.severity }, value: f.findings })),
    },
    counter("kmswatch_ingest_batches_total", "Ingest batches accepted from agents that stored something new.", ingest.batches),
    counter(
      "kmswatch_checkins_unchanged_total",
      "Agent check-ins whose snapshots were all unchanged (recorded as seen, nothing stored).",
      ingest.unchangedCheckins,
    ),
    counter("kmswatch_ingest_accepted_total", "Events and products stored from ingest batches.", ingest.accepted),
    counter("kmswatch_ingest_duplicates_total", "Events received again and ignored (already stored).", ingest.duplicates),
    counter("kmswatch_ingest_rejected_total", "Artifacts or events quarantined because they could not be parsed.", ingest.rejected),
  ];
}
