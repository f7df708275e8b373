// PATCH /api/dashboard/me/locale { locale: "en" | "fr" } – remember the signed-in user's dashboard language
import { json } from "@/lib/access/http/respond";
import { localeResponseSchema } from "@/lib/access/contract/admin";
import { withUser } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { setLocaleBodySchema, setUserLocale } from "@/lib/access/auth/userLocale";
import { LOCALE_COOKIE } from "@/lib/present/i18n/locale";

export const PATCH = withUser(async (request, user) => {
  const { locale } = await readJsonBody(request, setLocaleBodySchema, 1024);
  await setUserLocale(user.id, locale);
  const response = json(localeResponseSchema, { locale });
  // The cookie keeps the language on the sign-in page after signing out; a year, like any preference.
  response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return response;
});
