// One alert with its full history (every state change, who made it and why).
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import type { AlertDetail } from "@/lib/evaluate/contract/alerts";
import { alertViewSelect, toAlertView } from "@/lib/evaluate/alerts/view";

export async function getAlert(id: string): Promise<AlertDetail> {
  const row = await db().alert.findUnique({
    where: { id },
    select: { ...alertViewSelect, events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
  });
  if (!row) throw new ApiError("not_found", "no such alert");
  return {
    ...toAlertView(row),
    events: row.events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      from: e.fromState,
      to: e.toState,
      actor: e.actor,
      actorId: e.actorId,
      note: e.note,
    })),
  };
}
