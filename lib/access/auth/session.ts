// Signed-in users: an encrypted, signed cookie (iron-session's seal) naming a row of user_session.
// The row is the session: deleting it (sign-out, password reset, role change, user deletion) ends the session
// at once on every replica, and a copied cookie is worth nothing afterwards. The user is re-read with the row
// on every request. A cookie that does not unseal (tampered, truncated, sealed with an old secret) is simply
// a signed-out visitor, never an error.
import "server-only";
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { cache } from "react";
import { sealData, unsealData } from "iron-session";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { env } from "@/lib/core/env";
import { isLocale } from "@/lib/core/locales";
import type { SignedInUser } from "@/lib/access/contract/admin";

export type { SignedInUser } from "@/lib/access/contract/admin";
type SessionCookie = { sessionId?: unknown };

export const SESSION_COOKIE = "kmswatch_session";
const SESSION_TTL_SECONDS = 60 * 60 * 12;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The session id the request's cookie names, or null when there is none or it does not unseal. */
async function cookieSessionId(): Promise<string | null> {
  const sealed = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!sealed) return null;
  try {
    const data = await unsealData<SessionCookie>(sealed, { password: env().KMSWATCH_SESSION_SECRET, ttl: SESSION_TTL_SECONDS });
    return typeof data.sessionId === "string" && UUID.test(data.sessionId) ? data.sessionId : null;
  } catch {
    return null;
  }
}

/**
 * The request's user, with the language they saved. One lookup per request: a page render asks twice (its
 * language, its layout) and React's cache shares the answer; route handlers call it once.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const sessionId = await cookieSessionId();
  if (!sessionId) return null;
  // Every dashboard request passes here: one primary-key join on the pool, not a Prisma query. The password
  // hash is never selected.
  const [user] = await queryRows<Omit<SignedInUser, "locale"> & { locale: string | null }>(Prisma.sql`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.locale
      FROM user_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.id = ${sessionId}::uuid AND s.expires_at > now()`);
  return user ? { ...user, locale: isLocale(user.locale) ? user.locale : null } : null;
});

/** Starts a session for `userId` and sets its cookie (route handlers only). */
export async function startSession(userId: string): Promise<void> {
  const id = randomUUID();
  await queryRows(Prisma.sql`
    INSERT INTO user_session (id, user_id, expires_at)
    VALUES (${id}::uuid, ${userId}::uuid, now() + make_interval(secs => ${SESSION_TTL_SECONDS}))`);
  // Expired rows of anyone are swept as people sign in: the table holds live sessions, not history.
  await queryRows(Prisma.sql`DELETE FROM user_session WHERE expires_at < now() - interval '1 day'`);
  const sealed = await sealData({ sessionId: id }, { password: env().KMSWATCH_SESSION_SECRET, ttl: SESSION_TTL_SECONDS });
  (await cookies()).set(SESSION_COOKIE, sealed, {
    httpOnly: true,
    // Lax, not Strict: alert e-mails and chat messages link to dashboard pages, and under Strict the click
    // (a cross-site top-level navigation) would arrive without the cookie and land on the sign-in page.
    // Lax sends it only on top-level GET navigations, and no GET changes anything; every state-changing
    // request is refused from another origin anyway (browserGuard.ts), whatever the cookie says.
    sameSite: "lax",
    secure: env().KMSWATCH_COOKIE_SECURE,
    path: "/",
    maxAge: SESSION_TTL_SECONDS,
  });
}

/** Ends the request's session (its row, so copies of the cookie die too) and clears the cookie. */
export async function endSession(): Promise<void> {
  const sessionId = await cookieSessionId();
  if (sessionId) await queryRows(Prisma.sql`DELETE FROM user_session WHERE id = ${sessionId}::uuid`);
  (await cookies()).set(SESSION_COOKIE, "", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().KMSWATCH_COOKIE_SECURE,
    path: "/",
    maxAge: 0,
  });
}
