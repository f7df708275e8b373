// POST /api/dashboard/users/:id/password { password } – set a new password for a user (admins)
import { adminChangeRoute } from "@/app/api/dashboard/adminChangeRoute";
import { passwordResetSchema } from "@/lib/access/contract/admin";
import { readJsonBody } from "@/lib/access/http/readJson";
import { resetUserPassword } from "@/lib/access/admin/users";
import { resetPasswordSchema } from "@/lib/access/admin/userRules";

export const POST = adminChangeRoute(
  (request) => readJsonBody(request, resetPasswordSchema, 4 * 1024),
  passwordResetSchema,
  (id, { password }, user) => resetUserPassword(id, password, user),
);
