// The languages the dashboard speaks, defined once: the catalogues (lib/core/i18n/messages/) hold one
// file per entry, and a user's saved choice (app_user.locale) is one of them.
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
