import { describe, expect, it } from "vitest";
import type { Finding, Severity } from "@/lib/evaluate/rules/types";
import { escalates, isSnoozed, reconcile } from "@/lib/evaluate/alerts/reconcile";
import type { AlertState, StoredAlert } from "@/lib/evaluate/alerts/types";

const finding = (ruleId: string, machineId: string, severity: Severity = "critical"): Finding => ({
  ruleId,
  severity,
  subject: { kind: "client", machineId, fqdn: `${machineId}.corp.example` },
  title: ruleId,
  cause: "because",
  fix: "do this",
  evidence: {},
  since: null,
});

const stored = (ruleId: string, machineId: string, state: AlertState, severity: Severity = "critical"): StoredAlert => ({
  id: `${ruleId}/${machineId}`,
  ruleId,
  machineId,
  state,
  severity,
  snoozedUntil: null,
  lastFinding: finding(ruleId, machineId, severity),
});

describe("reconcile", () => {
  it("opens an alert for every new finding", () => {
    const plan = reconcile([finding("a", "m1"), finding("a", "m2")], []);
    expect(plan.open.map((f) => f.subject.machineId)).toEqual(["m1", "m2"]);
    expect([plan.reopen, plan.update, plan.resolve]).toEqual([[], [], []]);
  });

  it("updates open and acknowledged alerts that still fire, keeping their state", () => {
    const plan = reconcile([finding("a", "m1"), finding("b", "m1")], [stored("a", "m1", "open"), stored("b", "m1", "acknowledged")]);
    expect(plan.update.map((u) => [u.alert.id, u.escalated])).toEqual([
      ["a/m1", false],
      ["b/m1", false],
    ]);
    expect(plan.open).toEqual([]);
  });

  it("auto-resolves open and acknowledged alerts whose condition cleared, not resolved ones", () => {
    const plan = reconcile([], [stored("a", "m1", "open"), stored("b", "m1", "acknowledged"), stored("c", "m1", "resolved")]);
    expect(plan.resolve.map((a) => a.id)).toEqual(["a/m1", "b/m1"]);
  });

  it("reopens a resolved alert whose condition returns instead of creating a second one", () => {
    const plan = reconcile([finding("a", "m1")], [stored("a", "m1", "resolved")]);
    expect(plan.reopen.map((r) => r.alert.id)).toEqual(["a/m1"]);
    expect(plan.open).toEqual([]);
  });

  it("flags a severity rise as an escalation, not a fall", () => {
    const up = reconcile([finding("a", "m1", "critical")], [stored("a", "m1", "open", "warning")]);
    const down = reconcile([finding("a", "m1", "info")], [stored("a", "m1", "open", "warning")]);
    expect(up.update[0]!.escalated).toBe(true);
    expect(down.update[0]!.escalated).toBe(false);
    expect(escalates("info", "warning")).toBe(true);
  });

  it("keys alerts by rule AND machine, and ignores a repeated finding", () => {
    const plan = reconcile(
      [finding("a", "m1"), finding("a", "m1", "warning"), finding("a", "m2")],
      [stored("a", "m2", "open"), stored("b", "m1", "open")],
    );
    expect(plan.open).toHaveLength(1);
    expect(plan.open[0]!.severity).toBe("critical");
    expect(plan.update.map((u) => u.alert.id)).toEqual(["a/m2"]);
    expect(plan.resolve.map((a) => a.id)).toEqual(["b/m1"]);
  });

  it("changes nothing when findings and alerts agree", () => {
    const plan = reconcile([], [stored("a", "m1", "resolved")]);
    expect(plan).toEqual({ open: [], reopen: [], update: [], resolve: [] });
  });
});

describe("isSnoozed", () => {
  const now = new Date("2026-11-25T10:00:00Z");
  it("is true only while the snooze lies in the future", () => {
    expect(isSnoozed({ snoozedUntil: new Date("2026-11-25T11:00:00Z") }, now)).toBe(true);
    expect(isSnoozed({ snoozedUntil: new Date("2026-11-25T09:00:00Z") }, now)).toBe(false);
    expect(isSnoozed({ snoozedUntil: null }, now)).toBe(false);
  });
});
