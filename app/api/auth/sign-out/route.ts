// POST /api/auth/sign-out – end the session: its row is deleted, so a copy of the cookie stops working too
import { NextResponse } from "next/server";
import { withErrors } from "@/lib/access/http/handlers";
import { endSession } from "@/lib/access/auth/session";

export const POST = withErrors(async () => {
  await endSession();
  return NextResponse.json({ signedOut: true });
});
