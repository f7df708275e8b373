// The forecast in one sentence that is true in every state of a host's count: no data, below the threshold
// now (when it comes back above, if ever, at the current rate of new machines), above and falling (the day
// it crosses), above and steady. The page shows this text; the truth-table tests read the same JSON.
import { DAY_MS } from "@/lib/core/time";
import { NEW_MACHINE_SPAN_MS, type CountForecast } from "./countModel";

export type CountOutlook = {
  state: "no-data" | "below" | "falling" | "steady";
  text: string;
  /** Below now: when the count would reach the threshold at the current rate of new machines; null = not at that rate. */
  reachesThresholdAt: string | null;
};

const day = (iso: string) => iso.slice(0, 10);

export function countOutlook(forecast: CountForecast, now: Date): CountOutlook {
  const { threshold, points } = forecast;
  const current = points[0]?.count ?? null;
  if (forecast.requestsInWindow === 0 || current === null)
    return {
      state: "no-data",
      text: "Forecast: no activation request (12290) in the last 30 days, so there is nothing to forecast from.",
      reachesThresholdAt: null,
    };
  if (current < threshold) {
    const perDay = forecast.newCmids7d / (NEW_MACHINE_SPAN_MS / DAY_MS);
    const rate = `${forecast.newCmids7d} new machine(s) in the last 7 days`;
    if (perDay <= 0)
      return {
        state: "below",
        text:
          `Forecast: the count is ${current}, below the ${threshold} needed, and stays below: no new machine ` +
          "requested activation in the last 7 days, so at the current rate it does not come back above.",
        reachesThresholdAt: null,
      };
    const at = new Date(now.getTime() + Math.ceil((threshold - current) / perDay) * DAY_MS).toISOString();
    return {
      state: "below",
      text:
        `Forecast: the count is ${current}, below the ${threshold} needed. At the current rate of new machines ` +
        `(${rate}) it would reach ${threshold} around ${day(at)}, if they keep renewing.`,
      reachesThresholdAt: at,
    };
  }
  if (forecast.crossesBelow)
    return {
      state: "falling",
      text: `Forecast: the count (${current}) falls below ${threshold} on ${day(forecast.crossesBelow.at)} unless more clients request activation.`,
      reachesThresholdAt: null,
    };
  return {
    state: "steady",
    text: `Forecast: the count (${current}) stays at or above ${threshold} for the next 30 days.`,
    reachesThresholdAt: null,
  };
}
