"use client";
// The host's cumulative request counters (lines, right axis) and the new requests / failures per bucket
// (bars, left axis). Renders what lib/charts/prepareRequestsChart returns.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RequestsRow } from "@/lib/present/charts/prepareRequestsChart";

export function RequestsChart({ rows, height = 280 }: { rows: RequestsRow[]; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={rows} margin={{ top: 10, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
        <XAxis dataKey="label" minTickGap={16} tick={{ fontSize: 12 }} />
        <YAxis yAxisId="delta" allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
        <YAxis yAxisId="total" orientation="right" allowDecimals={false} tick={{ fontSize: 12 }} width={56} />
        <Tooltip />
        <Legend />
        <Bar yAxisId="delta" dataKey="newRequests" name="New requests" fill="#93c5fd" isAnimationActive={false} />
        <Bar yAxisId="delta" dataKey="newFailed" name="New failed" fill="#f87171" isAnimationActive={false} />
        <Line
          yAxisId="total"
          type="stepAfter"
          dataKey="totalRequests"
          name="Total requests (cumulative)"
          stroke="#2563eb"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          yAxisId="total"
          type="stepAfter"
          dataKey="failedRequests"
          name="Failed requests (cumulative)"
          stroke="#c62828"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
