"use client";
// Share of machines per license state, as a donut. Slices and colours come from prepareLicenseShares, names from the catalogue.
import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import type { LicenseShare } from "@/lib/present/charts/prepareLicenseShares";
import { CHART_TOOLTIP } from "@/app/_components/charts/chartTheme";

export function LicenseSharesChart({ slices, height = 220 }: { slices: LicenseShare[]; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <PieChart>
        <Pie
          data={slices}
          dataKey="value"
          nameKey="name"
          innerRadius="55%"
          outerRadius="85%"
          isAnimationActive={false}
          stroke="var(--card)"
        >
          {slices.map((slice) => (
            <Cell key={slice.key} fill={slice.color} />
          ))}
        </Pie>
        <Tooltip {...CHART_TOOLTIP} />
        <Legend wrapperStyle={{ color: "var(--text)" }} />
      </PieChart>
    </ResponsiveContainer>
  );
}
