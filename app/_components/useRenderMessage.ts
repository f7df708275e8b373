"use client";
// Renders catalogue message references (a finding's title, cause and fix) in the page's language, with the
// messages next-intl already gave the page: the findings' texts reach the browser once, as references.
import { type AbstractIntlMessages, useLocale, useMessages } from "next-intl";
import { useMemo } from "react";
import { messageRenderer, type RenderMessage } from "@/lib/core/i18n/render";
import { type FindingText, localizeFinding } from "@/lib/kms/localizeFinding";
import type { Finding } from "@/lib/kms/finding";

export function useRenderMessage(): RenderMessage {
  const locale = useLocale();
  const messages = useMessages();
  return useMemo(() => messageRenderer(locale, messages as AbstractIntlMessages), [locale, messages]);
}

/** A finding's (or alert's, or forensic signal's) title, cause and fix in the page's language. */
export function useLocalizeFinding(): (finding: FindingText & { messages?: Finding["messages"] }) => FindingText {
  const render = useRenderMessage();
  return (finding) => localizeFinding(finding, render);
}
