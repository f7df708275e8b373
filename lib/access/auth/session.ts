// Signed-in users: an encrypted, signed session cookie (iron-session) holding the user id.
// The user is re-read on every request, so a deleted user or changed role takes effect at once.
import "server-only";
import { cookies } from "next/headers";
import { getIronSession, type SessionOptions } from "iron-session";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { env } from "@/lib/core/env";

export type SessionData = { userId?: string };
export type SignedInUser = { id: string; email: string; name: string; role: "admin" | "viewer" };

const SESSION_TTL_SECONDS = 60 * 60 * 12;

function sessionOptions(): SessionOptions {
  return {
    cookieName: "kmswatch_session",
    password: env().KMSWATCH_SESSION_SECRET,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: { httpOnly: true, sameSite: "lax", secure: env().KMSWATCH_COOKIE_SECURE, path: "/" },
  };
}

export async function getSession() {
  return getIronSession<SessionData>(await cookies(), sessionOptions());
}

export async function currentUser(): Promise<SignedInUser | null> {
  const session = await getSession();
  if (!session.userId) return null;
  // Every dashboard request passes here: one primary-key lookup on the pool, not a Prisma query (the id comes
  // from our own sealed cookie, so it is always a UUID). The password hash is never selected.
  const [user] = await queryRows<SignedInUser>(Prisma.sql`
    SELECT id, email, name, role::text AS role FROM app_user WHERE id = ${session.userId}::uuid`);
  return user ?? null;
}
