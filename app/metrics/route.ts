// GET /metrics – Prometheus metrics (KMS counts, requests, clients by license status, findings, ingest); Bearer KMSWATCH_METRICS_TOKEN
import { env } from "@/lib/core/env";
import { withErrors } from "@/lib/access/http/handlers";
import { checkMetricsToken } from "@/lib/access/auth/metricsToken";
import { collectMetrics } from "@/lib/read/metrics/collect";
import { formatMetrics, PROMETHEUS_CONTENT_TYPE } from "@/lib/read/metrics/prometheusText";

export const GET = withErrors(async (request) => {
  checkMetricsToken(request.headers.get("authorization"), env().KMSWATCH_METRICS_TOKEN);
  return new Response(formatMetrics(await collectMetrics(new Date())), {
    headers: { "content-type": PROMETHEUS_CONTENT_TYPE, "cache-control": "no-store" },
  });
});
