// The dashboard language a signed-in user chose (header switcher), kept on the user so every browser agrees.
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { z } from "zod";

/** The languages the dashboard speaks; the catalogues in lib/present/i18n/messages/ hold one file per entry. */
export const userLocaleSchema = z.enum(["en", "fr"]);
export type UserLocale = z.infer<typeof userLocaleSchema>;
export const setLocaleBodySchema = z.object({ locale: userLocaleSchema }).strict();

export async function getUserLocale(userId: string): Promise<UserLocale | null> {
  const [row] = await queryRows<{ locale: string | null }>(Prisma.sql`SELECT locale FROM app_user WHERE id = ${userId}::uuid`);
  const parsed = userLocaleSchema.safeParse(row?.locale);
  return parsed.success ? parsed.data : null;
}

export async function setUserLocale(userId: string, locale: UserLocale): Promise<void> {
  await queryRows(Prisma.sql`UPDATE app_user SET locale = ${locale} WHERE id = ${userId}::uuid RETURNING id`);
}
