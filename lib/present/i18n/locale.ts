// Which language a page speaks: the user's saved choice, else the locale cookie (set by the switcher,
// also before sign-in), else the browser's Accept-Language, else English. Pure: the caller reads the request.

import { isLocale, LOCALES, type Locale } from "@/lib/core/locales";

export { isLocale, LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = "en";
/** Set by the language switcher; read on every request (no locale prefix in the URLs). */
export const LOCALE_COOKIE = "kmswatch_locale";
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français" };

/** "fr-CA,fr;q=0.9,en;q=0.8" → "fr": the supported language with the highest weight (q=0 means "not this"). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0 && isLocale(entry.language))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const best = ranked[0]?.language;
  return isLocale(best) ? best : null;
}

export function resolveLocale(input: { userLocale?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.userLocale)) return input.userLocale;
  if (isLocale(input.cookie)) return input.cookie;
  return localeFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}

/** The language of an API request (CSV headers, the delivery log), in the pages' order, from its headers. */
export function requestLocale(request: Request, userLocale: string | null | undefined): Locale {
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return resolveLocale({ userLocale, cookie, acceptLanguage: request.headers.get("accept-language") });
}
