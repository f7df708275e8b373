// Shapes shared by the alert lifecycle (reconcile, evaluate, actions) and the notifiers.
import type { Finding, Severity } from "@/lib/evaluate/rules/types";

export const alertStates = ["open", "acknowledged", "resolved"] as const;

/** The alerts list API's page: its default size, and the most one request may ask for. */
export const ALERT_PAGE_SIZE = 100;
export const ALERT_LIST_MAX = 5000;
export type AlertState = (typeof alertStates)[number];

/** What the reconciler needs to know about a stored alert. */
export type StoredAlert = {
  id: string;
  ruleId: string;
  machineId: string;
  state: AlertState;
  severity: string;
  snoozedUntil: Date | null;
  lastFinding: Finding;
};

/** opened: new; reopened: resolved before, back now; escalated: severity rose; resolved: condition cleared. */
export type TransitionKind = "opened" | "reopened" | "escalated" | "resolved";

/** One change an evaluation made, in the order and shape the notifiers list them. */
export type AlertTransition = {
  alertId: string;
  kind: TransitionKind;
  from: AlertState | null;
  to: AlertState;
  severity: Severity;
  finding: Finding;
  /** Snoozed alerts change state silently until the snooze ends. */
  notify: boolean;
};

export const alertKey = (ruleId: string, machineId: string) => `${ruleId}\u0000${machineId}`;
