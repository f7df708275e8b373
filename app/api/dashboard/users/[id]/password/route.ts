// POST /api/dashboard/users/:id/password { password } – set a new password for a user (admins)
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { readJsonBody } from "@/lib/access/http/readJson";
import { resetUserPassword } from "@/lib/access/admin/users";
import { resetPasswordSchema } from "@/lib/access/admin/userRules";

export const POST = withUser<IdContext>(
  async (request, user, context) => {
    const id = await idParam(context);
    const { password } = await readJsonBody(request, resetPasswordSchema, 4 * 1024);
    return NextResponse.json(await resetUserPassword(id, password, user));
  },
  { role: "admin" },
);
