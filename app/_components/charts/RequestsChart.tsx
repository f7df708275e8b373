"use client";
// The host's cumulative request counters (lines, right axis) and the new requests / failures per bucket
// (bars, left axis). Renders what lib/present/charts/prepareRequestsChart returns.
import { useFormatter, useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DAY_MS } from "@/lib/core/time";
import type { RequestsRow } from "@/lib/present/charts/prepareRequestsChart";
import { CHART, CHART_TICK, CHART_TOOLTIP } from "@/app/_components/charts/chartTheme";

// Per bucket on the left axis (bars), running totals on the right one (lines); failures in the critical colour.
const BARS = [
  { key: "newRequests", fill: CHART.newRequests },
  { key: "newFailed", fill: CHART.newFailed },
] as const;
const TOTAL_LINES = [
  { key: "totalRequests", stroke: CHART.reported },
  { key: "failedRequests", stroke: CHART.critical },
] as const;

export function RequestsChart({ rows, height = 280 }: { rows: RequestsRow[]; height?: number }) {
  const t = useTranslations("hostTrend");
  const format = useFormatter();
  // Whole UTC days show the date; finer buckets add the time, in the user's language.
  const daily = rows.every((r) => r.t % DAY_MS === 0);
  const when = (value: unknown) =>
    typeof value === "number"
      ? format.dateTime(
          new Date(value),
          daily
            ? { month: "short", day: "numeric", timeZone: "UTC" }
            : { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" },
        )
      : String(value);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={rows} margin={{ top: 10, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART.grid} />
        <XAxis dataKey="t" type="category" tickFormatter={when} minTickGap={16} tick={CHART_TICK} stroke={CHART.grid} />
        <YAxis yAxisId="delta" allowDecimals={false} tick={CHART_TICK} width={40} stroke={CHART.grid} />
        <YAxis yAxisId="total" orientation="right" allowDecimals={false} tick={CHART_TICK} width={56} stroke={CHART.grid} />
        <Tooltip {...CHART_TOOLTIP} labelFormatter={when} />
        <Legend wrapperStyle={{ color: CHART.text }} />
        {BARS.map(({ key, fill }) => (
          <Bar key={key} yAxisId="delta" dataKey={key} name={t(key)} fill={fill} isAnimationActive={false} />
        ))}
        {TOTAL_LINES.map(({ key, stroke }) => (
          <Line
            key={key}
            yAxisId="total"
            type="stepAfter"
            dataKey={key}
            name={t(key)}
            stroke={stroke}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
