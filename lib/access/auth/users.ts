// Users: creation (CLI, first start) and credential checks for sign-in.
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import { hashPassword, verifyPassword } from "@/lib/access/auth/passwords";
import { isLocale } from "@/lib/core/locales";
import type { SignedInUser } from "@/lib/access/auth/session";

export async function createUser(input: { email: string; name?: string; password: string; role: "admin" | "viewer" }) {
  const email = input.email.trim().toLowerCase();
  return db().user.upsert({
    where: { email },
    create: { email, name: input.name ?? email.split("@")[0]!, passwordHash: await hashPassword(input.password), role: input.role },
    update: { passwordHash: await hashPassword(input.password), role: input.role },
    select: { id: true, email: true, role: true },
  });
}

/** Creates the first admin from KMSWATCH_ADMIN_EMAIL/PASSWORD when there is no user at all. */
export async function ensureFirstAdmin(email: string | undefined, password: string | undefined): Promise<string | null> {
  if (!email || !password) return null;
  if ((await db().user.count()) > 0) return null;
  await createUser({ email, password, role: "admin" });
  return email;
}

export async function verifyCredentials(email: string, password: string): Promise<SignedInUser> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true, locale: true, passwordHash: true },
  });
  // Hash anyway when the user is unknown so timing does not reveal which e-mails exist.
  let ok = false;
  if (user) ok = await verifyPassword(user.passwordHash, password);
  else await hashPassword(password);
  if (!user || !ok) throw new ApiError("unauthorized", "wrong e-mail or password");
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: isLocale(user.locale) ? user.locale : null };
}
