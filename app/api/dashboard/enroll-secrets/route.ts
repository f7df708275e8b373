// GET /api/dashboard/enroll-secrets – enroll secrets by prefix and expiry, never the secrets (admins)
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handlers";
import { listEnrollSecrets } from "@/lib/admin/enrollSecrets";

export const GET = withUser(async () => NextResponse.json(await listEnrollSecrets()), { role: "admin" });
