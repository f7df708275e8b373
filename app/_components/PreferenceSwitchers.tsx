"use client";
// Header switchers: language (saved on the user when signed in, and in a cookie for the sign-in page)
// and theme (system / light / dark, in a cookie so the server renders the right colours at once). The
// server sets the cookies (/api/preferences, /api/dashboard/me/locale): one place builds them.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fetchJson } from "@/lib/client/fetchJson";
import { LOCALE_NAMES, LOCALES, isLocale } from "@/lib/present/i18n/locale";
import { type Theme, themeFromCookie } from "@/lib/present/theme/theme";

export function LanguageSwitcher({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("prefs");
  const locale = useLocale();
  const router = useRouter();
  async function choose(value: string) {
    if (!isLocale(value)) return;
    if (signedIn) await fetchJson("/api/dashboard/me/locale", { method: "PATCH", body: JSON.stringify({ locale: value }) });
    else await fetchJson("/api/preferences", { method: "PUT", body: JSON.stringify({ locale: value }) });
    router.refresh();
  }
  return (
    <select aria-label={t("language")} value={locale} onChange={(e) => void choose(e.target.value)} className="switcher">
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}

export function ThemeSwitcher({ initial }: { initial: Theme | null }) {
  const t = useTranslations("prefs");
  const [theme, setTheme] = useState<string>(initial ?? "");
  function choose(value: string) {
    const chosen = themeFromCookie(value);
    setTheme(chosen ?? "");
    if (chosen) document.documentElement.dataset.theme = chosen;
    else delete document.documentElement.dataset.theme;
    void fetchJson("/api/preferences", { method: "PUT", body: JSON.stringify({ theme: chosen ?? "system" }) });
  }
  return (
    <select aria-label={t("theme")} value={theme} onChange={(e) => choose(e.target.value)} className="switcher">
      <option value="">{t("themeSystem")}</option>
      <option value="light">{t("themeLight")}</option>
      <option value="dark">{t("themeDark")}</option>
    </select>
  );
}
