// The printed result table: one row per figure, with its goal and verdict.
import { fmt, type Stat } from "./util";

export type Row = { metric: string; median: string; min: string; max: string; goal: string; verdict: string };
export const row = (metric: string, s: Stat | null, unit: string, goal = "", pass?: boolean, digits = 0): Row => ({
  metric,
  median: s ? `${fmt(s.median, digits)}${unit}` : "n/a",
  min: s ? fmt(s.min, digits) : "",
  max: s ? fmt(s.max, digits) : "",
  goal,
  verdict: pass === undefined ? "" : pass ? "ok" : "MISS",
});

export function printTable(rows: Row[]): string {
  const headers: Row = { metric: "metric", median: "median", min: "min", max: "max", goal: "goal", verdict: "" };
  const all = [headers, ...rows];
  const keys = Object.keys(headers) as (keyof Row)[];
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...all.map((r) => r[k].length))])) as Record<keyof Row, number>;
  const line = (r: Row) => keys.map((k) => (k === "metric" ? r[k].padEnd(width[k]) : r[k].padStart(width[k]))).join("  ");
  return [line(headers), keys.map((k) => "-".repeat(width[k])).join("  "), ...rows.map(line)].join("\n");
}
