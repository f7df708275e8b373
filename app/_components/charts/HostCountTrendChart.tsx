"use client";
// A KMS host's count: reported (host's own figure), reconstructed (from its 12290 events), dashed forecast,
// and the activation thresholds. Drawn in steps: the count changes when a client arrives or ages out, never
// in ramps. Renders what lib/present/charts/prepareHostTrend returns, nothing more.
import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HostTrend } from "@/lib/present/charts/prepareHostTrend";
import { CHART, CHART_TICK, CHART_TOOLTIP } from "@/app/_components/charts/chartTheme";

export const TREND_COLORS = { reported: CHART.reported, reconstructed: CHART.reconstructed, forecast: CHART.forecast } as const;

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
        <ReferenceLine
          y={thresholds.cap}
          stroke={CHART.cap}
          strokeDasharray="2 4"
          label={{ value: t("cap", { n: thresholds.cap }), position: "insideTopRight", fontSize: 11, fill: CHART.axis }}
        />
        <ReferenceLine
          y={thresholds.clientOs}
          stroke={CHART.critical}
          strokeDasharray="6 3"
          label={{ value: t("clientOs", { n: thresholds.clientOs }), position: "insideTopRight", fontSize: 11, fill: CHART.critical }}
        />
        <ReferenceLine
          y={thresholds.serverOs}
          stroke={CHART.warning}
          strokeDasharray="6 3"
          label={{ value: t("serverOs", { n: thresholds.serverOs }), position: "insideTopRight", fontSize: 11, fill: CHART.warning }}
        />
        <Line
          type="stepAfter"
          dataKey="reported"
          name={t("reported")}
          stroke={TREND_COLORS.reported}
          strokeWidth={2}
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="reconstructed"
          name={t("reconstructed")}
          stroke={TREND_COLORS.reconstructed}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="forecast"
          name={t("forecast")}
          stroke={TREND_COLORS.forecast}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
