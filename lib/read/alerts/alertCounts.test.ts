import { describe, expect, it } from "vitest";
import { summarizeAlertCounts, type AlertCountRow } from "./alertCounts";

const rows: AlertCountRow[] = [
  { ruleId: "host-down", title: "Host down", severity: "critical", kind: "host", n: 1 },
  { ruleId: "unreachable", title: "Unreachable", severity: "critical", kind: "client", n: 4000 },
  { ruleId: "in-grace", title: "In grace", severity: "warning", kind: "client", n: 30 },
  { ruleId: "in-grace", title: "In grace", severity: "critical", kind: "client", n: 5 },
  { ruleId: "not-gvlk", title: "Not GVLK", severity: "info", kind: "client", n: 2 },
];

describe("summarizeAlertCounts", () => {
  it("counts everything without filters, rules at their worst severity, hosts first", () => {
    const s = summarizeAlertCounts(rows, {});
    expect(s).toMatchObject({ inState: 4038, total: 4038, severityCounts: { critical: 4006, warning: 30, info: 2 } });
    expect(s.rules.map((r) => [r.ruleId, r.severity, r.hosts, r.clients])).toEqual([
      ["host-down", "critical", 1, 0],
      ["unreachable", "critical", 0, 4000],
      ["in-grace", "critical", 0, 35],
      ["not-gvlk", "info", 0, 2],
    ]);
  });

  it("counts severities within the kind, rules within the severity, the total within every filter", () => {
    const s = summarizeAlertCounts(rows, { kind: "client", severity: "critical", rule: "in-grace" });
    expect(s.severityCounts).toEqual({ critical: 4005, warning: 30, info: 2 });
    expect(s.rules.map((r) => [r.ruleId, r.clients])).toEqual([
      ["unreachable", 4000],
      ["in-grace", 5],
    ]);
    expect([s.total, s.inState]).toEqual([5, 4038]);
    expect(summarizeAlertCounts(rows, { kind: "host", rule: "unreachable" }).total).toBe(0);
  });
});
