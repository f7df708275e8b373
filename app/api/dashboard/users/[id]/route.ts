// PATCH /api/dashboard/users/:id { role } – change a role; DELETE – delete a user (admins; never yourself or the last admin)
import { adminChangeRoute } from "@/app/api/dashboard/adminChangeRoute";
import { json } from "@/lib/access/http/respond";
import { deletedSchema, userViewSchema } from "@/lib/access/contract/admin";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { readJsonBody } from "@/lib/access/http/readJson";
import { changeUserRole, deleteUser } from "@/lib/access/admin/users";
import { changeRoleSchema } from "@/lib/access/admin/userRules";

export const PATCH = adminChangeRoute(
  (request) => readJsonBody(request, changeRoleSchema, 4 * 1024),
  userViewSchema,
  (id, { role }, user) => changeUserRole(id, role, user),
);

export const DELETE = withUser<IdContext>(
  async (_request, user, context) => json(deletedSchema, await deleteUser(await idParam(context), user)),
  { role: "admin" },
);
