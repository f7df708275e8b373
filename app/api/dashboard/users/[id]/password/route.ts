// POST /api/dashboard/users/:id/password { password } – set a new password for a user (admins)
import { json } from "@/lib/access/http/respond";
import { passwordResetSchema } from "@/lib/access/contract/admin";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { readJsonBody } from "@/lib/access/http/readJson";
import { resetUserPassword } from "@/lib/access/admin/users";
import { resetPasswordSchema } from "@/lib/access/admin/userRules";

export const POST = withUser<IdContext>(
  async (request, user, context) => {
    const id = await idParam(context);
    const { password } = await readJsonBody(request, resetPasswordSchema, 4 * 1024);
    return json(passwordResetSchema, await resetUserPassword(id, password, user));
  },
  { role: "admin" },
);
