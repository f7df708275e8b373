// GET /api/dashboard/enroll-secrets – enroll secrets by prefix and expiry, never the secrets (admins)
import { json } from "@/lib/access/http/respond";
import { enrollSecretListSchema } from "@/lib/access/contract/admin";
import { withUser } from "@/lib/access/http/handlers";
import { listEnrollSecrets } from "@/lib/access/admin/enrollSecrets";

export const GET = withUser(async () => json(enrollSecretListSchema, await listEnrollSecrets()), { role: "admin" });
