// The fleet-wide evaluation runs inside the web server: mapping and diagnosing 100k machines in one go would
// hold the event loop for seconds every 5 minutes, stalling every check-in and page meanwhile. This maps in
// slices and lets the event loop run between them.
import { setImmediate as nextTurn } from "node:timers/promises";

const SLICE = 2000;

export async function mapYielding<T, R>(items: readonly T[], map: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < items.length; start += SLICE) {
    if (start > 0) await nextTurn();
    for (let i = start; i < Math.min(items.length, start + SLICE); i++) out.push(map(items[i]!));
  }
  return out;
}
