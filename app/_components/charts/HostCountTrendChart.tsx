"use client";
// A KMS host's count: reported (host's own figure), reconstructed (from its 12290 events), dashed forecast,
// and the activation thresholds. Drawn in steps: the count changes when a client arrives or ages out, never
// in ramps. Renders what lib/present/charts/prepareHostTrend returns, nothing more.
import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HostTrend } from "@/lib/present/charts/prepareHostTrend";
import { CHART, CHART_TICK, CHART_TOOLTIP } from "@/app/_components/charts/chartTheme";

export const TREND_COLORS = { reported: CHART.reported, reconstructed: CHART.reconstructed, forecast: CHART.forecast } as const;

// The activation thresholds, each a horizontal line labelled with its number; the cap is the faint ceiling.
const THRESHOLD_LINES = [
  { key: "cap", stroke: CHART.cap, dash: "2 4", labelFill: CHART.axis },
  { key: "clientOs", stroke: CHART.critical, dash: "6 3", labelFill: CHART.critical },
  { key: "serverOs", stroke: CHART.warning, dash: "6 3", labelFill: CHART.warning },
] as const;

// Only the reported count has dots (one per check-in); the forecast is dashed as it is not yet measured.
const SERIES = [
  { key: "reported", dot: { r: 2 }, dash: undefined },
  { key: "reconstructed", dot: false, dash: undefined },
  { key: "forecast", dot: false, dash: "6 4" },
] as const;

export function HostCountTrendChart({ trend, height = 320 }: { trend: HostTrend; height?: number }) {
  const t = useTranslations("hostTrend");
  const format = useFormatter();
  const { rows, thresholds, yMax, yTicks } = trend;
  const day = (value: number) => format.dateTime(new Date(value), { month: "short", day: "numeric", timeZone: "UTC" });
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows} margin={{ top: 10, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART.grid} />
        <XAxis dataKey="t" type="category" tickFormatter={day} minTickGap={16} tick={CHART_TICK} stroke={CHART.grid} />
        {/* Bottom padding lifts 0 off the x-axis line, so a count of 1 or 2 stays visible above it. */}
        <YAxis
          domain={[0, yMax]}
          ticks={yTicks}
          allowDecimals={false}
          tick={CHART_TICK}
          width={36}
          padding={{ top: 4, bottom: 14 }}
          stroke={CHART.grid}
        />
        <Tooltip {...CHART_TOOLTIP} labelFormatter={(value) => (typeof value === "number" ? day(value) : String(value))} />
        <Legend wrapperStyle={{ color: CHART.text }} />
        {THRESHOLD_LINES.map(({ key, stroke, dash, labelFill }) => (
          <ReferenceLine
            key={key}
            y={thresholds[key]}
            stroke={stroke}
            strokeDasharray={dash}
            label={{ value: t(key, { n: thresholds[key] }), position: "insideTopRight", fontSize: 11, fill: labelFill }}
          />
        ))}
        {SERIES.map(({ key, dot, dash }) => (
          <Line
            key={key}
            type="stepAfter"
            dataKey={key}
            name={t(key)}
            stroke={TREND_COLORS[key]}
            strokeWidth={2}
            strokeDasharray={dash}
            dot={dot}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
