// The dashboard language a signed-in user chose (header switcher), kept on the user so every browser agrees.
// It is read with the session (currentUser), not on its own.
import { z } from "zod";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { LOCALES, type Locale } from "@/lib/core/locales";

export const setLocaleBodySchema = z.object({ locale: z.enum(LOCALES) }).strict();

export async function setUserLocale(userId: string, locale: Locale): Promise<void> {
  await queryRows(Prisma.sql`UPDATE app_user SET locale = ${locale} WHERE id = ${userId}::uuid RETURNING id`);
}
