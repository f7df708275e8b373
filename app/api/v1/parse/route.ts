// POST /api/v1/parse – parse one pasted or collected artifact without storing it, with the findings it alone allows
import { NextResponse } from "next/server";
import { env } from "@/lib/core/env";
import { withAgentOrUser } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { parseRequestSchema, type ParseResponse } from "@/lib/kms/protocol";
import { previewParse } from "@/lib/ingest/parse/preview";
import { findingsFromArtifact } from "@/lib/evaluate/facts/factsFromArtifact";

export const POST = withAgentOrUser(async (request) => {
  const body = await readJsonBody(request, parseRequestSchema, env().KMSWATCH_MAX_BODY_BYTES);
  const preview = previewParse(body);
  const response: ParseResponse = { ...preview, findings: findingsFromArtifact(preview, new Date()) };
  return NextResponse.json(response);
});
