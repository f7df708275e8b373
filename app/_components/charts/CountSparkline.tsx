"use client";
// A tiny reported-count line for one KMS host, in steps, with the client-OS threshold as a faint line.
import { Line, LineChart, ReferenceLine, ResponsiveContainer, YAxis } from "recharts";
import type { HostTrend } from "@/lib/present/charts/prepareHostTrend";
import { CHART } from "@/app/_components/charts/chartTheme";

export function CountSparkline({ trend, height = 48 }: { trend: HostTrend; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={trend.rows} margin={{ top: 4, right: 2, bottom: 4, left: 2 }}>
        <YAxis hide domain={[0, trend.yMax]} padding={{ top: 0, bottom: 4 }} />
        <ReferenceLine y={trend.thresholds.clientOs} stroke={CHART.critical} strokeDasharray="3 3" strokeOpacity={0.6} />
        <Line type="stepAfter" dataKey="reported" stroke={CHART.reported} strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
