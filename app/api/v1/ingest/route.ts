// POST /api/v1/ingest – store an agent's artifacts
import { after, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { withAgent } from "@/lib/http/handlers";
import { readJsonBody } from "@/lib/http/readJson";
import { ingestRequestSchema } from "@/lib/protocol";
import { prepareBatch } from "@/lib/ingest/prepare";
import { storeBatch } from "@/lib/ingest/store";
import { queueMachineEvaluation } from "@/lib/alerts/queue";

export const POST = withAgent(async (request, agent) => {
  const body = await readJsonBody(request, ingestRequestSchema, env().KMSWATCH_MAX_BODY_BYTES);
  const prepared = prepareBatch(body);
  const { response, changed } = await storeBatch(agent, body.agentVersion, body.artifacts.length, prepared);
  // After the answer is sent: the agent never waits for alert evaluation (queued and coalesced), and an
  // unchanged check-in (the hourly norm) queues none.
  if (changed) after(() => queueMachineEvaluation(agent.machineId));
  return NextResponse.json(response);
});
