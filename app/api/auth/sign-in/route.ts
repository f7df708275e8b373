// POST /api/auth/sign-in – check e-mail and password, start a session cookie
import { NextResponse } from "next/server";
import { withErrors } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { signInRequestSchema } from "@/lib/access/auth/schemas";
import { verifyCredentials } from "@/lib/access/auth/users";
import { getSession } from "@/lib/access/auth/session";

export const POST = withErrors(async (request) => {
  const { email, password } = await readJsonBody(request, signInRequestSchema, 16 * 1024);
  const user = await verifyCredentials(email, password);
  const session = await getSession();
  session.userId = user.id;
  await session.save();
  return NextResponse.json({ user });
});
