import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { THEME_COOKIE, themeFromCookie } from "@/lib/present/theme/theme";
import "./globals.css";

// Rendered per request: the Content-Security-Policy (proxy.ts) carries a fresh nonce that Next.js puts on its
// scripts, and a prerendered page would carry none and be blocked.
export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: "kmswatch", description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // An explicit light/dark choice; without one, globals.css follows prefers-color-scheme.
  const theme = themeFromCookie((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang={locale} data-theme={theme ?? undefined}>
      <body>
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
