// GET /api/dashboard/alerts – stored alerts with their lifecycle state (?state=open,acknowledged by default; all)
import { NextResponse } from "next/server";
import { z } from "zod";
import { withUser } from "@/lib/http/handlers";
import { searchParams } from "@/lib/http/params";
import { alertStates } from "@/lib/alerts/types";
import { listAlerts } from "@/lib/alerts/listAlerts";
import { settleQueuedEvaluations } from "@/lib/alerts/queue";

const querySchema = z.object({
  state: z
    .string()
    .default("open,acknowledged")
    .transform((value) => (value === "all" ? [...alertStates] : value.split(",").map((s) => s.trim())))
    .pipe(z.array(z.enum(alertStates)).min(1)),
  machineId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});

export const GET = withUser(async (request) => {
  const query = searchParams(request.url, querySchema);
  // A page opened right after a check-in should show what that check-in raised.
  await settleQueuedEvaluations();
  return NextResponse.json({ alerts: await listAlerts({ states: query.state, machineId: query.machineId, limit: query.limit }) });
});
