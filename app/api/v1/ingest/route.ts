// POST /api/v1/ingest – store an agent's artifacts
import { after, NextResponse } from "next/server";
import { env } from "@/lib/core/env";
import { withAgent } from "@/lib/access/http/handlers";
import { readBodyBytes } from "@/lib/access/http/readJson";
import { prepareRequest } from "@/lib/ingest/parsePool";
import { storeBatch } from "@/lib/ingest/store";
import { queueMachineEvaluation } from "@/lib/evaluate/alerts/queue";

export const POST = withAgent(async (request, agent) => {
  const bytes = await readBodyBytes(request, env().KMSWATCH_MAX_BODY_BYTES);
  // Validated (zod) and parsed together, in a worker thread for large bodies.
  const { agentVersion, artifactCount, batch } = await prepareRequest(bytes);
  const { response, changed, hostRequestsOnly } = await storeBatch(agent, agentVersion, artifactCount, batch);
  // After the answer is sent: the agent never waits for alert evaluation (queued and coalesced), and an
  // unchanged check-in (the hourly norm) queues none.
  if (changed) after(() => queueMachineEvaluation(agent.machineId, hostRequestsOnly));
  return NextResponse.json(response);
});
