// POST /api/v1/parse – parse one pasted or collected artifact without storing it
import { NextResponse } from "next/server";
import { env } from "@/lib/core/env";
import { withAgentOrUser } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { parseRequestSchema } from "@/lib/kms/protocol";
import { previewParse } from "@/lib/ingest/parse/preview";

export const POST = withAgentOrUser(async (request) => {
  const body = await readJsonBody(request, parseRequestSchema, env().KMSWATCH_MAX_BODY_BYTES);
  return NextResponse.json(previewParse(body));
});
