// POST /api/dashboard/enroll-secrets/rotate { overlapDays } – new enroll secret (shown once); older ones expire after the overlap (admins)
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { rotateEnrollSecret, rotateEnrollSecretSchema } from "@/lib/access/admin/enrollSecrets";

export const POST = withUser(
  async (request, user) => {
    const body = await readJsonBody(request, rotateEnrollSecretSchema, 4 * 1024);
    return NextResponse.json(await rotateEnrollSecret(body, user), { status: 201, headers: { "cache-control": "no-store" } });
  },
  { role: "admin" },
);
