"use client";
// A KMS host's count: reported (host's own figure), reconstructed (from its 12290 events), dashed forecast,
// and the activation thresholds. Renders what lib/charts/prepareHostTrend returns, nothing more.
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HostTrend } from "@/lib/present/charts/prepareHostTrend";

export const TREND_COLORS = { reported: "#2563eb", reconstructed: "#7c3aed", forecast: "#64748b" } as const;

export function HostCountTrendChart({ trend, height = 320 }: { trend: HostTrend; height?: number }) {
  const { rows, thresholds, yMax } = trend;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows} margin={{ top: 10, right: 24, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
        <XAxis dataKey="label" minTickGap={16} tick={{ fontSize: 12 }} />
        <YAxis domain={[0, yMax]} allowDecimals={false} tick={{ fontSize: 12 }} width={36} />
        <Tooltip />
        <Legend />
        <ReferenceLine
          y={thresholds.cap}
          stroke="#9ca3af"
          strokeDasharray="2 4"
          label={{ value: `cap ${thresholds.cap}`, position: "insideTopRight", fontSize: 11, fill: "#6b7280" }}
        />
        <ReferenceLine
          y={thresholds.clientOs}
          stroke="#c62828"
          strokeDasharray="6 3"
          label={{ value: `client OS needs ${thresholds.clientOs}`, position: "insideTopRight", fontSize: 11, fill: "#c62828" }}
        />
        <ReferenceLine
          y={thresholds.serverOs}
          stroke="#b26a00"
          strokeDasharray="6 3"
          label={{ value: `server OS needs ${thresholds.serverOs}`, position: "insideTopRight", fontSize: 11, fill: "#b26a00" }}
        />
        <Line
          type="monotone"
          dataKey="reported"
          name="Reported by host"
          stroke={TREND_COLORS.reported}
          strokeWidth={2}
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="reconstructed"
          name="Reconstructed from 12290 events"
          stroke={TREND_COLORS.reconstructed}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="forecast"
          name="Forecast"
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
