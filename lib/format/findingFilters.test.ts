import { describe, expect, it } from "vitest";
import { countBySeverity, filterFindings, parseKind, parseSeverity, sortBySeverity, type FindingLike } from "./findingFilters";

const f = (severity: FindingLike["severity"], kind: FindingLike["subject"]["kind"], id: number) => ({ id, severity, subject: { kind } });
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
  it("sorts most severe first, stable", () => {
    expect(sortBySeverity(findings).map((x) => x.id)).toEqual([2, 4, 3, 1]);
  });
  it("parses URL values", () => {
    expect(parseSeverity("warning")).toBe("warning");
    expect(parseSeverity("bogus")).toBe("");
    expect(parseSeverity(null)).toBe("");
    expect(parseKind("host")).toBe("host");
    expect(parseKind("x")).toBe("");
  });
});
