import { describe, expect, it } from "vitest";
import { countBySeverity, groupRuleCounts, parseKind, parseSeverity, type FindingLike } from "./findingFilters";

const f = (severity: FindingLike["severity"], kind: FindingLike["subject"]["kind"], id: number, ruleId = `r${id}`) => ({
  id,
  ruleId,
  title: `title ${ruleId}`,
  severity,
  subject: { kind },
});
const findings = [f("info", "client", 1), f("critical", "host", 2), f("warning", "client", 3), f("critical", "client", 4)];

describe("finding filters", () => {
  it("counts per severity", () => {
    expect(countBySeverity(findings)).toEqual({ critical: 2, warning: 1, info: 1 });
    expect(countBySeverity([])).toEqual({ critical: 0, warning: 0, info: 0 });
  });
  it("groups by rule with host and client counts", () => {
    const list = [
      f("warning", "client", 1, "low"),
      f("critical", "client", 2, "low"),
      f("critical", "host", 3, "count"),
      f("info", "client", 4, "mak"),
      f("warning", "client", 5, "low"),
    ];
    expect(
      groupRuleCounts(list.map((x) => ({ ruleId: x.ruleId, title: x.title, severity: x.severity, kind: x.subject.kind, n: 1 }))),
    ).toEqual([
      { ruleId: "count", title: "title count", severity: "critical", hosts: 1, clients: 0 },
      { ruleId: "low", title: "title low", severity: "critical", hosts: 0, clients: 3 },
      { ruleId: "mak", title: "title mak", severity: "info", hosts: 0, clients: 1 },
    ]);
  });
  it("parses URL values", () => {
    expect(parseSeverity("warning")).toBe("warning");
    expect(parseSeverity("bogus")).toBe("");
    expect(parseSeverity(null)).toBe("");
    expect(parseKind("host")).toBe("host");
    expect(parseKind("x")).toBe("");
  });
});
