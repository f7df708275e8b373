// What people do with an alert: acknowledge (someone is on it), resolve (fixed; an evaluation that still
// sees the condition reopens it), snooze (no notifications until a time). Each is recorded as an alert_event.
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import type { SignedInUser } from "@/lib/access/auth/session";
import type { AlertState } from "@/lib/evaluate/alerts/types";
import { getAlert } from "@/lib/evaluate/alerts/getAlert";
import { DAY_MS } from "@/lib/core/time";

export type AlertAction = { kind: "acknowledge" } | { kind: "resolve" } | { kind: "snooze"; until: Date };

const MAX_SNOOZE_MS = 90 * DAY_MS;

export async function applyAlertAction(id: string, action: AlertAction, user: SignedInUser, note?: string, now = new Date()) {
  await db().$transaction(async (tx) => {
    // Row lock: a concurrent evaluation or click waits instead of overwriting this change.
    const [alert] = await tx.$queryRaw<{ state: AlertState }[]>`SELECT state::text AS state FROM alert WHERE id = ${id}::uuid FOR UPDATE`;
    if (!alert) throw new ApiError("not_found", "no such alert");
    const record = (to: AlertState, text: string) =>
      tx.alertEvent.create({
        data: { alertId: id, at: now, fromState: alert.state, toState: to, actorId: user.id, actor: user.email, note: text },
      });
    switch (action.kind) {
      case "acknowledge":
        if (alert.state === "resolved") throw new ApiError("invalid_request", "a resolved alert cannot be acknowledged", "state");
        if (alert.state === "acknowledged") return;
        await tx.alert.update({ where: { id }, data: { state: "acknowledged" } });
        await record("acknowledged", note ?? "acknowledged");
        return;
      case "resolve":
        if (alert.state === "resolved") return;
        await tx.alert.update({ where: { id }, data: { state: "resolved", resolvedAt: now, snoozedUntil: null } });
        await record("resolved", note ?? "resolved by hand");
        return;
      case "snooze": {
        if (alert.state === "resolved") throw new ApiError("invalid_request", "a resolved alert cannot be snoozed", "state");
        const ms = action.until.getTime() - now.getTime();
        if (ms <= 0 || ms > MAX_SNOOZE_MS)
          throw new ApiError("invalid_request", "until must be in the future, at most 90 days ahead", "until");
        await tx.alert.update({ where: { id }, data: { snoozedUntil: action.until } });
        await record(alert.state, note ?? `snoozed until ${action.until.toISOString()}`);
        return;
      }
    }
  });
  return getAlert(id);
}
