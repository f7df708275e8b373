// PUT /api/preferences { locale?, theme? } – this browser's language (before sign-in) and light/dark choice, as cookies
import { NextResponse } from "next/server";
import { z } from "zod";
import { withErrors } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { LOCALE_COOKIE, LOCALES } from "@/lib/present/i18n/locale";
import { THEME_COOKIE, THEMES } from "@/lib/present/theme/theme";

// Only this browser's own display preferences: nothing stored, nothing about anyone else, so no sign-in needed.
const preferencesSchema = z.object({ locale: z.enum(LOCALES).optional(), theme: z.enum([...THEMES, "system"]).optional() }).strict();
const YEAR_SECONDS = 365 * 24 * 3600;

export const PUT = withErrors(async (request) => {
  const { locale, theme } = await readJsonBody(request, preferencesSchema, 1024);
  const response = NextResponse.json({ locale: locale ?? null, theme: theme ?? null });
  const options = { path: "/", sameSite: "lax" as const, maxAge: YEAR_SECONDS };
  if (locale) response.cookies.set(LOCALE_COOKIE, locale, options);
  if (theme === "system") response.cookies.set(THEME_COOKIE, "", { ...options, maxAge: 0 });
  else if (theme) response.cookies.set(THEME_COOKIE, theme, options);
  return response;
});
