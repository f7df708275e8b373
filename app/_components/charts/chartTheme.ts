// Chart colours as CSS variables (app/globals.css), so every chart reads in the light and the dark theme.
export const CHART = {
  grid: "var(--chart-grid)",
  axis: "var(--muted)",
  text: "var(--text)",
  reported: "var(--chart-reported)",
  reconstructed: "var(--chart-reconstructed)",
  forecast: "var(--chart-forecast)",
  critical: "var(--critical)",
  warning: "var(--warning)",
  cap: "var(--muted)",
  newRequests: "var(--chart-new-requests)",
  newFailed: "var(--chart-new-failed)",
} as const;

export const CHART_TICK = { fontSize: 12, fill: CHART.axis } as const;

/** Tooltip box in the card's colours (Recharts draws it white by default, unreadable in the dark theme). */
export const CHART_TOOLTIP = {
  contentStyle: { background: "var(--card)", border: "1px solid var(--border)", color: "var(--text)" },
  labelStyle: { color: "var(--text)" },
  itemStyle: { color: "var(--text)" },
} as const;
