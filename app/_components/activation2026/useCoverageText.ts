"use client";
// A coverage verdict's sentence (lib/kms/coverage CoverageText) in the user's language.
import { useTranslations } from "next-intl";
import type { CoverageText } from "@/lib/kms/coverage";

export function useCoverageText(): (text: CoverageText) => string {
  const t = useTranslations("activation2026.verdict");
  return (text) => t(text.key, text.values);
}
