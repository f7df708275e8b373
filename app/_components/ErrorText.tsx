"use client";
// A failed request in the user's language, by the API's error code (errors.<code>, lib/core/errors.ts), with the
// server's own English message, status and code beside it as the detail to quote in a ticket.
import { useTranslations } from "next-intl";
import { FetchError } from "@/lib/client/fetchJson";
import { type ErrorCode, errorCodes } from "@/lib/core/errors";

const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(errorCodes, code);

export function useErrorText(): (error: Error) => { text: string; detail: string | null } {
  const t = useTranslations("errors");
  const common = useTranslations("common");
  return (error) => {
    if (!(error instanceof FetchError)) return { text: t("network"), detail: error.message || null };
    const text = isErrorCode(error.code) ? t(error.code) : t("http_error", { status: error.status });
    return { text, detail: common("httpError", { message: error.message, status: error.status, code: error.code }) };
  };
}

/** The localized text, then the server's detail in small print. */
export function ErrorDetail({ detail }: { detail: string | null }) {
  return detail ? <span className="muted small"> – {detail}</span> : null;
}
