// GET /api/dashboard/enroll-secrets – enroll secrets by prefix and expiry, never the secrets (admins)
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { listEnrollSecrets } from "@/lib/access/admin/enrollSecrets";

export const GET = withUser(async () => NextResponse.json(await listEnrollSecrets()), { role: "admin" });
