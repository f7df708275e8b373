// POST /api/v1/enroll – exchange the enroll secret for an agent token (shown once); 429 while the address is locked
import { NextResponse } from "next/server";
import { enrollAgent } from "@/lib/access/agents/enroll";
import { checkNotLocked, clientAddress, countFailure } from "@/lib/access/auth/attemptLimits";
import { withErrors } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { ApiError } from "@/lib/core/errors";
import { enrollRequestSchema } from "@/lib/kms/protocol";

export const POST = withErrors(async (request) => {
  const body = await readJsonBody(request, enrollRequestSchema, 64 * 1024);
  const address = clientAddress(request.headers);
  const key = [{ name: "enroll_address", key: address, what: `enrollments from ${address}` }] as const;
  await checkNotLocked([...key]);
  const enrolled = await enrollAgent(body).catch(async (error: unknown) => {
    // Only a wrong secret counts; a refused takeover (409) is not a guess.
    if (error instanceof ApiError && error.code === "unauthorized") await countFailure("enroll", [...key]);
    throw error;
  });
  return NextResponse.json(enrolled, { status: 201 });
});
