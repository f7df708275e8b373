// The forecast in one sentence that is true in every state of a host's count: no data, below the threshold
// now (when it comes back above, if ever, at the current rate of new machines), above and falling (the day
// it crosses), above and steady. The sentence is a catalogue message (outlook.*): the page renders it in the
// reader's language, and `text` is its English rendering, which the truth-table tests read from the same JSON.
import { DAY_MS } from "@/lib/core/time";
import { type MessageRef, msg } from "@/lib/core/i18n/messageRef";
import { english } from "@/lib/core/i18n/translate";
import { NEW_MACHINE_SPAN_MS, type CountForecast } from "./countModel";

export type CountOutlook = {
  state: "no-data" | "below" | "falling" | "steady";
  /** The sentence in English (API readers, tests). */
  text: string;
  /** The same sentence as a catalogue message, for the reader's language. */
  message: MessageRef;
  /** Below now: when the count would reach the threshold at the current rate of new machines; null = not at that rate. */
  reachesThresholdAt: string | null;
};

const day = (iso: string) => iso.slice(0, 10);

function outlook(state: CountOutlook["state"], message: MessageRef, reachesThresholdAt: string | null = null): CountOutlook {
  return { state, text: english(message), message, reachesThresholdAt };
}

export function countOutlook(forecast: CountForecast, now: Date): CountOutlook {
  const { threshold, points } = forecast;
  const current = points[0]?.count ?? null;
  if (forecast.requestsInWindow === 0 || current === null) return outlook("no-data", msg("outlook.noData"));
  if (current < threshold) {
    const perDay = forecast.newCmids7d / (NEW_MACHINE_SPAN_MS / DAY_MS);
    if (perDay <= 0) return outlook("below", msg("outlook.belowStays", { current, threshold }));
    const at = new Date(now.getTime() + Math.ceil((threshold - current) / perDay) * DAY_MS).toISOString();
    return outlook("below", msg("outlook.belowReaches", { current, threshold, newMachines: forecast.newCmids7d, day: day(at) }), at);
  }
  if (forecast.crossesBelow) return outlook("falling", msg("outlook.falling", { current, threshold, day: day(forecast.crossesBelow.at) }));
  return outlook("steady", msg("outlook.steady", { current, threshold }));
}
