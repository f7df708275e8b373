import { describe, expect, it } from "vitest";
import { clientRules, compareFindings, hostRules, ruleCatalogue, type Finding } from "./index";

describe("ruleCatalogue", () => {
  it("lists every rule once, with the agreed id, severity and subject kind", () => {
    expect(ruleCatalogue.map((r) => [r.id, r.severity, r.maxSeverity, r.subjectKind])).toEqual([
      ["host-not-licensed", "critical", "critical", "host"],
      ["host-clients-cannot-reach", "critical", "critical", "host"],
      ["host-count-stuck-duplicate-cmids", "critical", "critical", "host"],
      ["host-count-below-threshold", "critical", "critical", "host"],
      ["host-failed-requests-rising", "warning", "warning", "host"],
      ["host-dns-publish-failed", "warning", "warning", "host"],
      ["host-idle", "warning", "warning", "host"],
      ["host-clock-skew", "info", "warning", "host"],
      ["host-nonstandard-port", "info", "info", "host"],
      ["host-count-forecast-drop", "warning", "warning", "host"],
      ["client-cmid-shared", "critical", "critical", "client"],
      ["client-host-not-activated", "critical", "critical", "client"],
      ["client-host-key-unsupported", "critical", "critical", "client"],
      ["client-unapproved-host", "critical", "critical", "client"],
      ["client-host-unreachable", "critical", "critical", "client"],
      ["client-refused-low-count", "critical", "critical", "client"],
      ["client-clock-skew", "info", "warning", "client"],
      ["client-intended-key-failing", "warning", "critical", "client"],
      ["client-in-grace", "warning", "critical", "client"],
      ["client-notification", "critical", "critical", "client"],
      ["client-not-gvlk", "info", "warning", "client"],
      ["client-renewal-overdue", "warning", "warning", "client"],
      ["client-expiring-soon", "warning", "critical", "client"],
    ]);
    expect(new Set(ruleCatalogue.map((r) => r.id)).size).toBe(hostRules.length + clientRules.length);
  });
  it("is plain data (JSON round-trips) with a title for each rule", () => {
    expect(JSON.parse(JSON.stringify(ruleCatalogue))).toEqual(ruleCatalogue);
    for (const r of ruleCatalogue) {
      expect(Object.keys(r).sort()).toEqual(["id", "maxSeverity", "severity", "subjectKind", "title"]);
      expect(r.title.length).toBeGreaterThan(10);
    }
  });
});

describe("compareFindings", () => {
  const f = (ruleId: string, severity: Finding["severity"]): Finding => ({
    ruleId,
    severity,
    subject: { kind: "host", machineId: "m", fqdn: "h" },
    title: "t",
    cause: "c",
    fix: "x",
    evidence: {},
    since: null,
  });
  it("orders critical, warning, info, then root causes before the symptoms they explain", () => {
    const sorted = [
      f("host-idle", "info"),
      f("host-count-below-threshold", "critical"),
      f("host-dns-publish-failed", "warning"),
      f("host-count-stuck-duplicate-cmids", "critical"),
      f("host-failed-requests-rising", "warning"),
    ]
      .sort(compareFindings)
      .map((x) => `${x.severity}:${x.ruleId}`);
    expect(sorted).toEqual([
      "critical:host-count-stuck-duplicate-cmids",
      "critical:host-count-below-threshold",
      "warning:host-failed-requests-rising",
      "warning:host-dns-publish-failed",
      "info:host-idle",
    ]);
  });
});
