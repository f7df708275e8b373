"use client";
// Loading and error states of a dashboard query, with the API's error message (FetchError) when there is one.
import { useTranslations } from "next-intl";
import { FetchError } from "@/lib/client/fetchJson";

/** `what` is already in the user's language ("the KMS hosts" / "les hôtes KMS"). */
export function LoadState({ isPending, error, what }: { isPending: boolean; error: Error | null; what: string }) {
  const t = useTranslations("common");
  if (error) {
    const detail =
      error instanceof FetchError
        ? t("httpError", { message: error.message, status: error.status, code: error.code })
        : error.message || t("requestFailed");
    return (
      <p className="error" role="alert">
        {t("couldNotLoad", { what, error: detail })}
      </p>
    );
  }
  if (isPending) return <p className="muted">{t("loading", { what })}</p>;
  return null;
}
