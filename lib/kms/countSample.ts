// Deciding a KMS host's count from its latest requests only. The count is monotone in the set of requests
// and capped (kms-formats.md §5): adding older requests can only add CMIDs and lift the cap. So once the
// latest requests of a window hold COUNT_CAP distinct CMIDs, one of them under a client policy, the rest of
// the window cannot change the count. A 5,000-client host is then decided by its last few hundred requests
// instead of the 40k of a 30-day window; a small host's whole window fits in the sample anyway.
import { COUNT_CAP, SERVER_ONLY_CAP, forecastCount, type CountForecast, type KmsRequest } from "./countModel";

/** Requests read per point: enough for COUNT_CAP distinct CMIDs even when some clients retry every 2 hours. */
export const WINDOW_SAMPLE_SIZE = 4 * COUNT_CAP;

/** The latest countable requests (clock-skew rejections and blank CMIDs left out) of one point's window. */
export type WindowSample = { requests: number; cmids: number; clientPolicy: boolean };

/** The count at a point from its window's sample, or null when only the whole window can tell. */
export function countFromWindowSample(sample: WindowSample, limit = WINDOW_SAMPLE_SIZE): number | null {
  const cap = sample.clientPolicy ? COUNT_CAP : SERVER_ONLY_CAP;
  // Fewer rows than asked for: the sample is the whole window.
  if (sample.requests < limit) return Math.min(sample.cmids, cap);
  return sample.clientPolicy && sample.cmids >= COUNT_CAP ? COUNT_CAP : null;
}

/**
 * The forecast from the host's latest `limit` requests at `now`, or null when it may differ from the forecast
 * over the whole window. Every CMID in the sample has its latest request there, so the whole window can only
 * keep more CMIDs in and lift the cap: a sampled forecast that stays at COUNT_CAP is the forecast.
 */
export function forecastFromLatest(latest: readonly KmsRequest[], now: Date, limit = WINDOW_SAMPLE_SIZE): CountForecast | null {
  const forecast = forecastCount(latest, now);
  if (latest.length < limit) return forecast;
  return forecast.points.every((p) => p.count === COUNT_CAP) ? forecast : null;
}
