// POST /api/dashboard/enroll-secrets/rotate { overlapDays } – new enroll secret (shown once); older ones expire after the overlap (admins)
import { json } from "@/lib/access/http/respond";
import { rotatedEnrollSecretSchema } from "@/lib/access/contract/admin";
import { withUser } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { rotateEnrollSecret, rotateEnrollSecretSchema } from "@/lib/access/admin/enrollSecrets";

export const POST = withUser(
  async (request, user) => {
    const body = await readJsonBody(request, rotateEnrollSecretSchema, 4 * 1024);
    return json(rotatedEnrollSecretSchema, await rotateEnrollSecret(body, user), { status: 201, headers: { "cache-control": "no-store" } });
  },
  { role: "admin" },
);
