"use client";
// What an HRESULT means, in the user's language (catalogue hresults.<code>); the server's English meaning for a code
// the catalogue does not know. The code itself is always shown as Windows writes it.
import { useTranslations } from "next-intl";
import type { Messages } from "@/lib/core/i18n/catalogues";

type KnownHresult = keyof Messages["hresults"];

export function useHresultMeaning(): (code: string | null | undefined, serverMeaning: string | null) => string | null {
  const t = useTranslations("hresults");
  return (code, serverMeaning) => (code && t.has(code as KnownHresult) ? t(code as KnownHresult) : serverMeaning);
}
