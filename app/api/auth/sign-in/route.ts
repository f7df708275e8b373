// POST /api/auth/sign-in – check e-mail and password, start a session (429 while the account or address is locked)
import { NextResponse } from "next/server";
import { withErrors } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { signInRequestSchema } from "@/lib/access/auth/schemas";
import { verifyCredentials } from "@/lib/access/auth/users";
import { startSession } from "@/lib/access/auth/session";
import { checkNotLocked, clearFailures, clientAddress, countFailure } from "@/lib/access/auth/attemptLimits";
import { ApiError } from "@/lib/core/errors";

export const POST = withErrors(async (request) => {
  const { email, password } = await readJsonBody(request, signInRequestSchema, 16 * 1024);
  const account = email.trim().toLowerCase();
  const address = clientAddress(request.headers);
  const keys = [
    { name: "signin_account", key: account, what: `the account ${account}` },
    { name: "signin_address", key: address, what: `sign-ins from ${address}` },
  ] as const;
  await checkNotLocked([...keys]);
  const user = await verifyCredentials(email, password).catch(async (error: unknown) => {
    if (error instanceof ApiError && error.code === "unauthorized") await countFailure("sign-in", [...keys]);
    throw error;
  });
  await clearFailures("signin_account", account);
  await startSession(user.id);
  return NextResponse.json({ user });
});
