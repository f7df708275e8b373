// A KMS host's count forecast for the next 30 days: from its latest requests when they decide it (see
// lib/kms/countSample.ts), else from every request of the count window; null when the window has none.
import { COUNT_WINDOW_DAYS, DAY_MS, forecastCount, type CountForecast } from "@/lib/kms/countModel";
import { forecastFromLatest, WINDOW_SAMPLE_SIZE } from "@/lib/kms/countSample";
import { getHostLatestRequests, getHostRequests } from "@/lib/evaluate/facts/getHostRequests";

export async function getHostForecast(machineId: string, now: Date): Promise<CountForecast | null> {
  const latest = await getHostLatestRequests(machineId, now, WINDOW_SAMPLE_SIZE);
  const sampled = latest.length > 0 ? forecastFromLatest(latest, now) : null;
  if (sampled) return sampled;
  const requests = await getHostRequests(machineId, new Date(now.getTime() - COUNT_WINDOW_DAYS * DAY_MS), now);
  return requests.length > 0 ? forecastCount(requests, now) : null;
}
