// The API shape of a stored alert: the Finding the page already knows (from last_finding, with the
// current severity and title) plus the lifecycle fields, so existing readers of `{ alerts: Finding[] }` keep working.
import type { Finding } from "@/lib/evaluate/rules/types";
import type { AlertState } from "@/lib/evaluate/alerts/types";
import type { AlertView } from "@/lib/evaluate/contract/alerts";

export type { AlertView } from "@/lib/evaluate/contract/alerts";

export type AlertRow = {
  id: string;
  state: AlertState;
  severity: string;
  title: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  resolvedAt: Date | null;
  snoozedUntil: Date | null;
  lastFinding: unknown;
};

export const alertViewSelect = {
  id: true,
  state: true,
  severity: true,
  title: true,
  firstSeenAt: true,
  lastSeenAt: true,
  resolvedAt: true,
  snoozedUntil: true,
  lastFinding: true,
} as const;

export function toAlertView(row: AlertRow): AlertView {
  const finding = row.lastFinding as Finding;
  return {
    ...finding,
    severity: finding.severity,
    id: row.id,
    state: row.state,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
  };
}
