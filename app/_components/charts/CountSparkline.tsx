"use client";
// A tiny reported-count line for one KMS host, with the client-OS threshold as a faint line.
import { Line, LineChart, ReferenceLine, ResponsiveContainer, YAxis } from "recharts";
import type { HostTrend } from "@/lib/present/charts/prepareHostTrend";

export function CountSparkline({ trend, height = 48 }: { trend: HostTrend; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={trend.rows} margin={{ top: 4, right: 2, bottom: 4, left: 2 }}>
        <YAxis hide domain={[0, trend.yMax]} />
        <ReferenceLine y={trend.thresholds.clientOs} stroke="#c62828" strokeDasharray="3 3" strokeOpacity={0.6} />
        <Line type="monotone" dataKey="reported" stroke="#2563eb" strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
