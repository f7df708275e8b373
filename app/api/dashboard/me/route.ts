// GET /api/dashboard/me – the signed-in user
import { json } from "@/lib/access/http/respond";
import { meResponseSchema } from "@/lib/access/contract/admin";
import { withUser } from "@/lib/access/http/handlers";

export const GET = withUser(async (_request, user) => json(meResponseSchema, { user }));
