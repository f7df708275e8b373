// POST /api/auth/sign-out – end the session
import { NextResponse } from "next/server";
import { withErrors } from "@/lib/access/http/handlers";
import { getSession } from "@/lib/access/auth/session";

export const POST = withErrors(async () => {
  const session = await getSession();
  session.destroy();
  return NextResponse.json({ signedOut: true });
});
