// POST /api/v1/parse – parse one pasted or collected artifact without storing it
import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { withAgentOrUser } from "@/lib/http/handlers";
import { readJsonBody } from "@/lib/http/readJson";
import { parseRequestSchema } from "@/lib/protocol";
import { previewParse } from "@/lib/parse/preview";

export const POST = withAgentOrUser(async (request) => {
  const body = await readJsonBody(request, parseRequestSchema, env().KMSWATCH_MAX_BODY_BYTES);
  return NextResponse.json(previewParse(body));
});
