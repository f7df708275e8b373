// POST /api/v1/ingest – store an agent's artifacts
import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { withAgent } from "@/lib/http/handlers";
import { readJsonBody } from "@/lib/http/readJson";
import { ingestRequestSchema } from "@/lib/protocol";
import { prepareBatch } from "@/lib/ingest/prepare";
import { storeBatch } from "@/lib/ingest/store";

export const POST = withAgent(async (request, agent) => {
  const body = await readJsonBody(request, ingestRequestSchema, env().KMSWATCH_MAX_BODY_BYTES);
  const prepared = prepareBatch(body);
  return NextResponse.json(await storeBatch(agent, body.agentVersion, body.artifacts.length, prepared));
});
