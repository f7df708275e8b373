// POST /api/v1/enroll – exchange the enroll secret for an agent token (shown once)
import { NextResponse } from "next/server";
import { enrollAgent } from "@/lib/access/agents/enroll";
import { withErrors } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { enrollRequestSchema } from "@/lib/kms/protocol";

export const POST = withErrors(async (request) => {
  const body = await readJsonBody(request, enrollRequestSchema, 64 * 1024);
  return NextResponse.json(await enrollAgent(body), { status: 201 });
});
