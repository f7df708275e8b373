// next-intl without locale-prefixed routes: the language of each request comes from the signed-in user's
// saved choice, else the locale cookie, else Accept-Language (lib/present/i18n/locale.ts). No middleware.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/access/auth/session";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/present/i18n/locale";
import { CATALOGUES } from "@/lib/core/i18n/catalogues";

async function savedLocale(): Promise<string | null> {
  try {
    return (await currentUser())?.locale ?? null;
  } catch {
    // No session secret or database yet (a fresh install's sign-in page): the browser's language will do.
    return null;
  }
}

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    userLocale: await savedLocale(),
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  // Relative times ("il y a 3 h") need no zone; absolute ones show in the server's zone, named in the page.
  return { locale, messages: CATALOGUES[locale], timeZone: process.env.TZ ?? "UTC" };
});
