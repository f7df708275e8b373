"use client";
// Loading and error states of a dashboard query; an API error (FetchError) is told by its code, its message as the detail.
import { useTranslations } from "next-intl";
import { ErrorDetail, useErrorText } from "@/app/_components/ErrorText";

/** `what` is already in the user's language ("the KMS hosts" / "les hôtes KMS"). */
export function LoadState({ isPending, error, what }: { isPending: boolean; error: Error | null; what: string }) {
  const t = useTranslations("common");
  const errorText = useErrorText();
  if (error) {
    const { text, detail } = errorText(error);
    return (
      <p className="error" role="alert">
        {t("couldNotLoad", { what, error: text })}
        <ErrorDetail detail={detail} />
      </p>
    );
  }
  if (isPending) return <p className="muted">{t("loading", { what })}</p>;
  return null;
}
