"use client";
// Loading and error states shared by the clients/alerts/audit/parse pages.
import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FetchError } from "@/lib/client/fetchJson";
import { ErrorDetail, useErrorText } from "@/app/_components/ErrorText";

/** `what` is already in the user's language. */
export function Loading({ what }: { what: string }) {
  const t = useTranslations("common");
  return (
    <p className="muted" role="status">
      {t("loading", { what })}
    </p>
  );
}

/** What to do next depends on the status: 403 ask an admin, 404 go back, 5xx retry. */
function adviceKey(error: Error) {
  if (!(error instanceof FetchError)) return "adviceNetwork" as const;
  if (error.status === 403) return "adviceForbidden" as const;
  if (error.status === 404) return "adviceNotFound" as const;
  if (error.status >= 500) return "adviceServer" as const;
  return null;
}

export function ErrorMessage({ error, what, onRetry }: { error: Error; what: string; onRetry?: () => void }) {
  const t = useTranslations("common");
  const advice = adviceKey(error);
  const { text, detail } = useErrorText()(error);
  return (
    <div className="card" role="alert">
      <p className="error">
        {t("couldNotLoad", { what, error: text })}
        <ErrorDetail detail={detail} />
      </p>
      {advice && <p className="muted small">{t(advice)}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
    </div>
  );
}

/** Inline error of a mutation (approve, remove, parse): what went wrong by its code, the API's message as the detail. */
export function InlineError({ error }: { error: Error | null }) {
  const errorText = useErrorText();
  if (!error) return null;
  const { text, detail } = errorText(error);
  return (
    <p className="error" role="alert">
      {text}
      <ErrorDetail detail={detail} />
    </p>
  );
}

/** A query's loading and error states, then what its data shows, or `empty` when `isEmpty` says there is nothing. */
export function QueryBody<T>({ query, what, isEmpty, empty, children }: QueryBodyProps<T>) {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) return <ErrorMessage error={query.error} what={what} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <p className="muted">{empty}</p>;
  return children(query.data);
}

type QueryBodyProps<T> = {
  query: UseQueryResult<T>;
  what: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
};
