import { describe, expect, it } from "vitest";
import { countBySeverity, filterFindings, groupByRule, parseKind, parseSeverity, sortFindings, type FindingLike } from "./findingFilters";

const f = (severity: FindingLike["severity"], kind: FindingLike["subject"]["kind"], id: number, ruleId = `r${id}`) => ({
  id, ruleId, title: `title ${ruleId}`, severity, subject: { kind },
});
const findings = [f("info", "client", 1), f("critical", "host", 2), f("warning", "client", 3), f("critical", "client", 4)];

describe("finding filters", () => {
  it("counts per severity", () => {
    expect(countBySeverity(findings)).toEqual({ critical: 2, warning: 1, info: 1 });
    expect(countBySeverity([])).toEqual({ critical: 0, warning: 0, info: 0 });
  });
  it("filters by severity and kind", () => {
    expect(filterFindings(findings, "critical", "").map((x) => x.id)).toEqual([2, 4]);
    expect(filterFindings(findings, "", "client").map((x) => x.id)).toEqual([1, 3, 4]);
    expect(filterFindings(findings, "critical", "client").map((x) => x.id)).toEqual([4]);
    expect(filterFindings(findings, "", "")).toHaveLength(4);
  });
  it("filters by rule", () => {
    expect(filterFindings(findings, "", "", "r3").map((x) => x.id)).toEqual([3]);
  });
  it("sorts most severe first, hosts before clients, else stable", () => {
    expect(sortFindings(findings).map((x) => x.id)).toEqual([2, 4, 3, 1]);
    const mixed = [f("critical", "client", 1), f("critical", "host", 2), f("critical", "client", 3)];
    expect(sortFindings(mixed).map((x) => x.id)).toEqual([2, 1, 3]);
  });
  it("groups by rule with host and client counts", () => {
    const list = [
      f("warning", "client", 1, "low"), f("critical", "client", 2, "low"), f("critical", "host", 3, "count"),
      f("info", "client", 4, "mak"), f("warning", "client", 5, "low"),
    ];
    expect(groupByRule(list)).toEqual([
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
