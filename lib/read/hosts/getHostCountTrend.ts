// A KMS host's count over time: reported (from its snapshots, bucketed in Postgres, empty buckets
// explicitly null), reconstructed from its 12290 events, and forecast for the next 30 days.
import "server-only";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { COUNT_THRESHOLDS, COUNT_WINDOW_DAYS, forecastCount, reconstructCountSeries, type KmsRequest } from "@/lib/kms/countModel";
import { countOutlook } from "@/lib/kms/countOutlook";
import { countFromWindowSample, forecastFromLatest, WINDOW_SAMPLE_SIZE } from "@/lib/kms/countSample";
import { DAY_MS } from "@/lib/core/time";
import { defaultUnit, rangeDays, unitInterval, type BucketUnit, type Range } from "@/lib/core/sql";
import { getHostLatestRequests, getHostRequests } from "@/lib/evaluate/facts/getHostRequests";
import { getHostWindowSamples } from "@/lib/evaluate/facts/getHostWindowSamples";
import type { HostCountTrend } from "@/lib/read/contract/hosts";

export type { HostCountTrend } from "@/lib/read/contract/hosts";

type BucketRow = { bucket: Date; current_count: number | null; total_requests: number | null; failed_requests: number | null };

export async function getHostCountTrend(
  machineId: string,
  range: Range,
  now: Date,
  unit: BucketUnit = defaultUnit[range],
): Promise<HostCountTrend> {
  const from = new Date(now.getTime() - rangeDays[range] * DAY_MS);
  const step = unitInterval[unit];
  // One row per bucket from generate_series; the snapshot in force during the bucket (if the host
  // checked in then) fills it, otherwise the row stays null so the chart shows the gap.
  const [buckets, latest] = await Promise.all([
    queryRows<BucketRow>(Prisma.sql`
    SELECT b.bucket, s.current_count, s.total_requests, s.failed_requests
      FROM generate_series(date_trunc(${unit}, ${from}::timestamptz), date_trunc(${unit}, ${now}::timestamptz), ${step}::interval) AS b(bucket)
      LEFT JOIN LATERAL (
        SELECT s.current_count, s.total_requests, s.failed_requests FROM snapshot s JOIN snapshot_seen seen ON seen.snapshot_id = s.id
         WHERE s.machine_id = ${machineId}::uuid AND s.is_kms_host
           AND s.collected_at < b.bucket + ${step}::interval AND seen.last_seen_at >= b.bucket
         ORDER BY s.collected_at DESC, (s.source = 'cim') DESC LIMIT 1) s ON true
     ORDER BY b.bucket`),
    getHostLatestRequests(machineId, now, WINDOW_SAMPLE_SIZE),
  ]);
  const stepMs = buckets.length > 1 ? buckets[1]!.bucket.getTime() - buckets[0]!.bucket.getTime() : DAY_MS;
  const pointTimes = buckets.map((b) => new Date(Math.min(b.bucket.getTime() + stepMs, now.getTime())));
  const { reconstructed, forecast } =
    (await countsFromSamples(machineId, pointTimes, now, latest)) ?? (await countsFromAllRequests(machineId, pointTimes, from, now));
  return {
    unit,
    range,
    reported: buckets.map((b) => ({ bucket: b.bucket.toISOString(), count: b.current_count })),
    requests: buckets.map((b) => ({ bucket: b.bucket.toISOString(), totalRequests: b.total_requests, failedRequests: b.failed_requests })),
    reconstructed: reconstructed.map((count, i) => ({ at: pointTimes[i]!.toISOString(), count })),
    forecast: forecast.points,
    crossesBelow: forecast.crossesBelow,
    serverOnly: forecast.serverOnly,
    thresholds: COUNT_THRESHOLDS,
    /** The forecast in one sentence, true whether the count is below, falling, steady or unknown. */
    outlook: countOutlook(forecast, now),
  };
}

/** Counts decided by each window's latest requests (a big host), or null when some point needs its whole window. */
async function countsFromSamples(machineId: string, pointTimes: Date[], now: Date, latest: KmsRequest[]) {
  const forecast = forecastFromLatest(latest, now);
  if (forecast === null) return null;
  const reconstructed = (await getHostWindowSamples(machineId, pointTimes)).map((s) => countFromWindowSample(s));
  if (reconstructed.some((c) => c === null)) return null;
  return { reconstructed: reconstructed as number[], forecast };
}

async function countsFromAllRequests(machineId: string, pointTimes: Date[], from: Date, now: Date) {
  // The first point's window starts a count window before the range; the forecast reads only its own window.
  const requests = await getHostRequests(machineId, new Date(from.getTime() - COUNT_WINDOW_DAYS * DAY_MS), now);
  return {
    reconstructed: reconstructCountSeries(requests, pointTimes).map((p) => p.count),
    forecast: forecastCount(requests, now),
  };
}
