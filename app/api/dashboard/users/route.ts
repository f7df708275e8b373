// GET /api/dashboard/users – dashboard users; POST – create one { email, name, role, password } (admins)
import { json } from "@/lib/access/http/respond";
import { userListSchema, userViewSchema } from "@/lib/access/contract/admin";
import { withUser } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { createDashboardUser, listUsers } from "@/lib/access/admin/users";
import { createUserSchema } from "@/lib/access/admin/userRules";

export const GET = withUser(async () => json(userListSchema, await listUsers()), { role: "admin" });

export const POST = withUser(
  async (request, user) =>
    json(userViewSchema, await createDashboardUser(await readJsonBody(request, createUserSchema, 16 * 1024), user), { status: 201 }),
  { role: "admin" },
);
