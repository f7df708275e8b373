import { describe, expect, it } from "vitest";
import type { Finding } from "@/lib/evaluate/rules/types";
import type { ReconcilePlan } from "./reconcile";
import { planTransitions, transitionNote } from "./transitions";
import type { StoredAlert } from "./types";

const now = new Date("2026-12-04T12:00:00Z");
const finding = (ruleId: string, severity: Finding["severity"] = "warning"): Finding => ({
  ruleId,
  severity,
  subject: { kind: "client", machineId: `m-${ruleId}`, fqdn: `${ruleId}.corp` },
  title: ruleId,
  cause: "c",
  fix: "f",
  evidence: {},
  since: null,
});
const stored = (id: string, f: Finding, snoozedUntil: Date | null = null): StoredAlert => ({
  id,
  ruleId: f.ruleId,
  machineId: f.subject.machineId,
  state: "open",
  severity: f.severity,
  snoozedUntil,
  lastFinding: f,
});

describe("planTransitions", () => {
  it("lists opened, reopened, escalated and resolved in that order; unescalated updates make none", () => {
    const plan: ReconcilePlan = {
      open: [finding("a")],
      reopen: [{ alert: { ...stored("r", finding("r")), state: "resolved" }, finding: finding("r") }],
      update: [
        { alert: stored("u1", finding("u1")), finding: finding("u1"), escalated: false },
        { alert: stored("u2", finding("u2")), finding: finding("u2", "critical"), escalated: true },
      ],
      resolve: [stored("x", finding("x"))],
    };
    const transitions = planTransitions(plan, [{ id: "new-a", finding: finding("a") }], now);
    expect(transitions.map((t) => [t.alertId, t.kind, t.from, t.to])).toEqual([
      ["new-a", "opened", null, "open"],
      ["r", "reopened", "resolved", "open"],
      ["u2", "escalated", "open", "open"],
      ["x", "resolved", "open", "resolved"],
    ]);
    expect(transitionNote(transitions[2]!)).toBe("severity rose to critical");
  });

  it("keeps a snoozed alert's escalation and resolution silent until the snooze ends", () => {
    const later = new Date(now.getTime() + 3_600_000);
    const plan: ReconcilePlan = {
      open: [],
      reopen: [],
      update: [{ alert: stored("u", finding("u"), later), finding: finding("u", "critical"), escalated: true }],
      resolve: [stored("x", finding("x"), later)],
    };
    expect(planTransitions(plan, [], now).map((t) => t.notify)).toEqual([false, false]);
    expect(planTransitions(plan, [], new Date(later.getTime() + 1)).map((t) => t.notify)).toEqual([true, true]);
  });
});
